package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import th.phakhi.shared.mongo.EmbeddedMongoProperties;
import th.phakhi.shared.mongo.EmbeddedMongoServer;
import th.phakhi.support.AppProcess;
import th.phakhi.support.StompTestClient;

/**
 * Two app processes on one MongoDB (the embedded server started on its own, as an operator would
 * start a database): a message sent to one node reaches a subscriber on the other, every message
 * once and in the order the room assigned.
 */
class TwoNodesTest {

    @Test
    void twoNodesOnOneDatabaseDeliverEachOthersMessages() throws Exception {
        EmbeddedMongoServer database = new EmbeddedMongoServer(new EmbeddedMongoProperties(Path.of("target"), true,
                "127.0.0.1", AppProcess.freePort(), "phakhi")).start();
        Map<String, String> common = Map.of("spring.mongodb.uri", database.connectionString(),
                "phakhi.chat.rate.max", "1000");
        try (MongoClient client = MongoClients.create(database.connectionString())) {
            Map<String, String> first = new java.util.HashMap<>(common);
            first.put("phakhi.demo.enabled", "true");
            try (AppProcess nodeA = AppProcess.start("node-a", first).awaitReady(Duration.ofSeconds(120));
                 AppProcess nodeB = AppProcess.start("node-b", common).awaitReady(Duration.ofSeconds(120))) {
                MongoDatabase db = client.getDatabase("phakhi");
                String room = "net-" + db.getCollection("networks")
                        .find(new Document("nameTh", "เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                        .first().getObjectId("_id").toHexString();
                String anucha = token(db, "anucha");
                String nattaya = token(db, "nattaya");
                try (StompTestClient sender = new StompTestClient().connect(nodeA.port(), anucha, null);
                     StompTestClient receiver = new StompTestClient().connect(nodeB.port(), nattaya, null)) {
                    receiver.subscribe("/topic/rooms/" + room);
                    Thread.sleep(1_000);
                    List<String> sent = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        String text = "จากโหนด A ข้อความที่ " + i;
                        sent.add(text);
                        sender.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                                "body", text));
                    }
                    List<String> received = new ArrayList<>();
                    List<Long> seqs = new ArrayList<>();
                    while (received.size() < 20) {
                        Map<String, Object> event = receiver.next("message", 15_000);
                        assertThat(event).as("message %d of 20 reached node B; node B log:%n%s", received.size() + 1,
                                nodeB.tail()).isNotNull();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> message = (Map<String, Object>) event.get("message");
                        if (((String) message.get("text")).startsWith("จากโหนด A")) {
                            received.add((String) message.get("text"));
                            seqs.add(((Number) message.get("seq")).longValue());
                        }
                    }
                    assertThat(received).containsExactlyInAnyOrderElementsOf(sent).doesNotHaveDuplicates();
                    assertThat(seqs).isSorted().doesNotHaveDuplicates();
                    assertThat(receiver.next("message", 1_500)).as("no duplicate deliveries").isNull();
                }
            }
        } finally {
            database.stop();
        }
    }

    /** An API token written straight to the database (both nodes read it from there). */
    private static String token(MongoDatabase db, String username) throws Exception {
        String accountId = db.getCollection("accounts").find(new Document("username", username)).first()
                .getObjectId("_id").toHexString();
        String secret = "phk_" + UUID.randomUUID().toString().replace("-", "") + "twonodes";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        db.getCollection("api_tokens").insertOne(new Document("accountId", accountId).append("name", "two nodes")
                .append("hash", hash).append("createdAt", new Date()));
        return secret;
    }
}
