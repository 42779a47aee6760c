package th.phakhi.security.internal;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AccountRepository extends MongoRepository<AccountDocument, String> {

    Optional<AccountDocument> findByUsername(String username);

    boolean existsByUsername(String username);
}
