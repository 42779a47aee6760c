package th.phakhi.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.phakhi.shared.mongo.EmbeddedMongoProperties;
import th.phakhi.shared.mongo.EmbeddedMongoServer;
import th.phakhi.support.AppProcess;
import th.phakhi.support.Cluster;
import th.phakhi.support.StompTestClient;

/**
 * Two app processes on one database (the embedded server started on its own): S STOMP
 * subscribers on node B, a sender on node A; delivery latency from send to every subscriber,
 * losses and duplicates. Everything crosses the change stream. Prints figures only.
 * <pre>./mvnw test -Pbenchmark -Dtest=TwoNodeChatBenchmark [-Dbench.subscribers=500 -Dbench.rate=10 -Dbench.seconds=20]</pre>
 */
@Tag("benchmark")
class TwoNodeChatBenchmark {

    @Test
    void deliveryAcrossTwoNodes() throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 500);
        int rate = Integer.getInteger("bench.rate", 10);
        int seconds = Integer.getInteger("bench.seconds", 20);
        EmbeddedMongoServer database = new EmbeddedMongoServer(new EmbeddedMongoProperties(Path.of("target"), true,
                "127.0.0.1", AppProcess.freePort(), "phakhi")).start();
        Map<String, String> common = Map.of("spring.mongodb.uri", database.connectionString(),
                "phakhi.chat.rate.max", "100000");
        Map<String, String> first = new HashMap<>(common);
        first.put("phakhi.demo.enabled", "true");
        try (MongoClient client = MongoClients.create(database.connectionString());
             AppProcess nodeA = AppProcess.start("bench-node-a", first).awaitReady(Duration.ofSeconds(120));
             AppProcess nodeB = AppProcess.start("bench-node-b", common).awaitReady(Duration.ofSeconds(120))) {
            MongoDatabase db = client.getDatabase("phakhi");
            String room = "net-" + db.getCollection("networks")
                    .find(new Document("nameTh", "เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                    .first().getObjectId("_id").toHexString();
            List<String> tokens = new ArrayList<>();
            for (String user : List.of("prasert", "kamonwan", "wichai", "nattaya", "suda")) {
                tokens.add(Cluster.token(db, user));
            }
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong duplicates = new AtomicLong();
            List<StompTestClient> clients = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                StompTestClient c = new StompTestClient().connect(nodeB.port(), tokens.get(i % tokens.size()), null);
                Set<Long> seen = ConcurrentHashMap.newKeySet();
                c.subscribe("/topic/rooms/" + room, (Consumer<Map<String, Object>>) event -> {
                    long now = System.nanoTime();
                    if (!"message".equals(event.get("type"))) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) event.get("message");
                    String text = String.valueOf(m.get("text"));
                    if (!text.startsWith("bench ")) {
                        return;
                    }
                    if (!seen.add(((Number) m.get("seq")).longValue())) {
                        duplicates.incrementAndGet();
                        return;
                    }
                    latencies.add(now - Long.parseLong(text.substring(6)));
                });
                clients.add(c);
            }
            Thread.sleep(2_000);
            try (StompTestClient sender = new StompTestClient().connect(nodeA.port(), Cluster.token(db, "anucha"), null)) {
                for (int i = 0; i < 100; i++) {
                    sender.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                            "body", "warm-up " + i));
                    Thread.sleep(20);
                }
                Thread.sleep(3_000);
                int total = rate * seconds;
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long wait;
                    while ((wait = start + i * interval - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    sender.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                            "body", "bench " + System.nanoTime()));
                }
                Thread.sleep(5_000);
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                long expected = (long) total * subscribers;
                System.out.printf(Locale.ROOT, "%nTwo nodes on one embedded MongoDB (standalone); %d subscribers on node B, "
                                + "sender on node A, %d msg/s for %d s%n  deliveries %d of %d (lost %d), duplicates %d%n"
                                + "  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        subscribers, rate, seconds, sorted.size(), expected, Math.max(0, expected - sorted.size()),
                        duplicates.get(), p(sorted, .5), p(sorted, .95), p(sorted, .99),
                        sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
            }
            clients.forEach(StompTestClient::close);
        } finally {
            database.stop();
        }
    }

    private static double p(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e6;
    }

}
