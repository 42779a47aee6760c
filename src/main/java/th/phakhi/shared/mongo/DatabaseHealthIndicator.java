package th.phakhi.shared.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Database health for the proxy and orchestrator: a {@code ping} round trip, which both the
 * embedded server and MongoDB answer (Boot's own Mongo indicator asks for {@code hello}
 * details the embedded server does not give, so it is switched off).
 */
@Component("database")
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final DatabaseMode mode;

    DatabaseHealthIndicator(MongoTemplate mongo, DatabaseMode mode) {
        this.mongo = mongo;
        this.mode = mode;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongo.executeCommand(new Document("ping", 1));
        builder.status(result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
                .withDetail("mode", mode.embedded() ? "embedded" : "external");
    }
}
