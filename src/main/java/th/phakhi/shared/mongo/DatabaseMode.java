package th.phakhi.shared.mongo;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which database this node runs on. Logged at start-up so an operator sees at once whether
 * the app uses its own embedded server or a real MongoDB; other code asks {@link #embedded()}
 * (for example, demo data is on by default only on the embedded database).
 */
@Component
public class DatabaseMode {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMode.class);

    private final boolean embedded;
    private final String description;

    DatabaseMode(Environment environment, ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        this.embedded = EmbeddedMongoCondition.embedded(environment);
        if (embedded) {
            EmbeddedMongoServer server = embeddedServer.getObject();
            this.description = "EMBEDDED (mongo-java-server, " + server.describe() + ")";
        } else {
            ConnectionString uri = new ConnectionString(environment.getProperty("spring.mongodb.uri"));
            // Hosts and database only: never log credentials.
            this.description = "EXTERNAL MongoDB (hosts " + uri.getHosts() + ", database "
                    + uri.getDatabase() + (uri.getRequiredReplicaSetName() != null
                    ? ", replica set " + uri.getRequiredReplicaSetName() : "") + ")";
        }
    }

    public boolean embedded() {
        return embedded;
    }

    public String description() {
        return description;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        log.info("Database mode: {}", description);
    }
}
