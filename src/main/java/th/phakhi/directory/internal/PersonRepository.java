package th.phakhi.directory.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PersonRepository extends MongoRepository<PersonDocument, String> {

    Optional<PersonDocument> findByAccountId(String accountId);

    List<PersonDocument> findByOrganizationId(String organizationId);
}
