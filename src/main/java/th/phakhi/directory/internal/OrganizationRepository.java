package th.phakhi.directory.internal;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrganizationRepository extends MongoRepository<OrganizationDocument, String> {

    Optional<OrganizationDocument> findByCode(String code);
}
