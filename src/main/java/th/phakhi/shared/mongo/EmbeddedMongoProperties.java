package th.phakhi.shared.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MongoDB wire-protocol server, used when {@code spring.mongodb.uri}
 * is not set.
 *
 * @param dataDir  directory holding the H2 file {@code phakhi.mv.db}; created when missing
 * @param inMemory keep everything in memory (tests); nothing is written to {@code dataDir}
 * @param host     address to bind; loopback only — the embedded server has no authentication
 * @param port     TCP port; {@code 0} picks a free one
 * @param database database name the app uses
 */
@ConfigurationProperties("phakhi.embedded-mongo")
public record EmbeddedMongoProperties(Path dataDir, boolean inMemory, String host, int port, String database) {

    public EmbeddedMongoProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        database = database == null || database.isBlank() ? "phakhi" : database;
    }
}
