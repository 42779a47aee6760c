package th.phakhi.shared.mongo;

import com.mongodb.ConnectionString;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MongoDB and points the driver at it — only when no
 * {@code spring.mongodb.uri} is configured. With a URI, Spring Boot connects to that database
 * and none of this exists. See docs/decisions/001-embedded-mongodb.md.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoCondition.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        return new EmbeddedMongoServer(properties).start();
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
        ConnectionString connectionString = new ConnectionString(server.connectionString());
        return () -> connectionString;
    }
}
