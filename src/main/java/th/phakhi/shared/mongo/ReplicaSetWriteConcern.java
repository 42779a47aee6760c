package th.phakhi.shared.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * On a replica set, writes wait for a majority of members unless the address says otherwise
 * ({@code w=…}): an acknowledged message or registration then survives the loss of the primary.
 * Runs after Spring Boot has applied the connection string. A single server (the embedded one,
 * a standalone MongoDB) keeps the driver's default.
 */
@Component
class ReplicaSetWriteConcern implements MongoClientSettingsBuilderCustomizer, Ordered {

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        MongoClientSettings current = builder.build();
        if (current.getClusterSettings().getRequiredReplicaSetName() != null
                && current.getWriteConcern().getWObject() == null) {
            builder.writeConcern(WriteConcern.MAJORITY);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
