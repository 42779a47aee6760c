package th.phakhi.database;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract on a real MongoDB 8 (single-node replica set); skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "phakhi.demo.enabled=false")
@ActiveProfiles("test")
class MongoContainerContractTest extends DatabaseContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("phakhi"));
    }
}
