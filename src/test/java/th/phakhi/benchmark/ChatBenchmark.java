package th.phakhi.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.chat.ChatService;
import th.phakhi.chat.RoomId;
import th.phakhi.network.NetworkService;
import th.phakhi.realtime.StompAuthorizer;
import th.phakhi.security.AccountService;
import th.phakhi.security.ApiTokenService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.mongo.DatabaseMode;
import th.phakhi.support.StompTestClient;
import th.phakhi.support.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat fan-out and history. Prints figures, asserts nothing about time.
 * <pre>./mvnw test -Pbenchmark -Dtest=ChatBenchmark [-Dbench.subscribers=500 -Dbench.rate=10 -Dbench.seconds=20]</pre>
 * <ul>
 *   <li><b>fan-out</b>: S STOMP connections subscribed to one room; one sender sends M messages
 *       a second for T seconds through the full path (STOMP SEND → service → MongoDB → change
 *       stream → broker); every connection records send-to-receive latency, losses and duplicates.
 *       Then the same load through the bare broker of the same app: the sender SENDs straight to a
 *       test-only topic of Spring's simple broker messages of the app's event size (same connections
 *       and channels; no service, no database, no change stream), so the application's cost shows
 *       as a ratio. For comparison, also that topic fed inside the server by the messaging template
 *       (no client SEND leg).</li>
 *   <li><b>history</b>: opening a room (newest 50) and paging deep, in a room of 1,000 messages and
 *       one of 100,000.</li>
 * </ul>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "phakhi.test.context=benchmark-chat", "phakhi.chat.rate.max=100000"})
@ActiveProfiles("test")
@Import(ChatBenchmark.BareTopic.class)
class ChatBenchmark {

    static final String BARE = "/topic/bench-bare";

    @TestConfiguration
    static class BareTopic {
        @Bean
        StompAuthorizer benchmarkTopic() {
            return new StompAuthorizer() {
                public boolean owns(String destination) {
                    return destination.equals(BARE);
                }

                public boolean canSubscribe(String destination) {
                    return true;
                }

                public boolean canSend(String destination) {
                    return destination.equals(BARE); // clients SEND straight to the topic: the broker alone
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    NetworkService networks;
    @Autowired
    ChatService chat;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SimpMessagingTemplate broker;
    @Autowired
    DatabaseMode mode;

    @Test
    void fanOutAndHistory() throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 500);
        int rate = Integer.getInteger("bench.rate", 10);
        int seconds = Integer.getInteger("bench.seconds", 20);
        System.out.printf(Locale.ROOT, "%nDatabase: %s; %d subscribers, %d msg/s for %d s, %d cores%n",
                mode.description(), subscribers, rate, seconds, Runtime.getRuntime().availableProcessors());
        String room = SystemRunner.call(() -> "net-" + networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id().value());
        List<String> members = List.of("prasert", "kamonwan", "wichai", "nattaya", "anucha", "suda");
        List<String> memberTokens = new ArrayList<>();
        for (String m : members) {
            TestUsers.signInAs(accounts, m);
            memberTokens.add(tokens.create("bench").secret());
        }
        TestUsers.signOut();

        List<StompTestClient> clients = new ArrayList<>();
        Map<Integer, Set<Long>> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> appLatencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> bareLatencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> bareSendLatencies = new ConcurrentLinkedQueue<>();
        // The bare topic's subscriptions record into whichever run is going on.
        java.util.concurrent.atomic.AtomicReference<ConcurrentLinkedQueue<Long>> bareRun =
                new java.util.concurrent.atomic.AtomicReference<>(new ConcurrentLinkedQueue<>());
        AtomicLong duplicates = new AtomicLong();
        // One room event as the app sends it: the bare broker's messages are padded to its size.
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> appEvent =
                new java.util.concurrent.atomic.AtomicReference<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            StompTestClient client = new StompTestClient().connect(port, memberTokens.get(i % memberTokens.size()), null);
            int index = i;
            seen.put(index, ConcurrentHashMap.newKeySet());
            Collector app = new Collector(appLatencies, seen.get(index), duplicates);
            client.subscribe("/topic/rooms/" + room, (Consumer<Map<String, Object>>) event -> {
                if ("message".equals(event.get("type"))) {
                    appEvent.compareAndSet(null, event);
                }
                app.accept(event);
            });
            Set<Long> bareSeen = ConcurrentHashMap.newKeySet(); // each run numbers from its own million
            client.subscribe(BARE, (Consumer<Map<String, Object>>) event ->
                    new Collector(bareRun.get(), bareSeen, new AtomicLong()).accept(event));
            clients.add(client);
        }
        System.out.printf(Locale.ROOT, "Connected %d STOMP clients in %d ms%n", subscribers,
                (System.nanoTime() - connectStart) / 1_000_000);
        Thread.sleep(2_000);

        try (StompTestClient sender = new StompTestClient().connect(port, memberTokens.get(4), null)) {
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Long> receiptLatencies = new ConcurrentLinkedQueue<>();
            sender.subscribe("/user/queue/receipts", (Consumer<Map<String, Object>>) receipt -> {
                Long at = sentAt.remove(String.valueOf(receipt.get("clientId")));
                if (at != null) {
                    receiptLatencies.add(System.nanoTime() - at);
                }
            });
            Thread.sleep(500);
            // Warm-up: the first messages pay for class loading and JIT; they are not measured.
            for (int i = 0; i < 100; i++) {
                sender.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                        "body", "warm-up " + i));
                Thread.sleep(20);
            }
            Thread.sleep(2_000);
            int total = rate * seconds;
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                pace(due);
                String clientId = UUID.randomUUID().toString();
                sentAt.put(clientId, System.nanoTime());
                sender.send("/app/rooms/" + room + "/messages", Map.of("clientId", clientId,
                        "body", "bench " + System.nanoTime()));
            }
            Thread.sleep(5_000);
            long expected = (long) total * subscribers;
            long received = appLatencies.size();
            report("full path (STOMP → service → MongoDB → live event → broker; " + (mode.embedded()
                    ? "embedded: delivered within the node" : "via the change stream") + ")", appLatencies, expected,
                    duplicates.get());
            report("  of which: send until the sender's receipt (the write path)", receiptLatencies, total, 0);

            // The minimal broker under the same load: the sender's SEND goes straight to a topic of
            // Spring's simple broker (same connections, same inbound and outbound channels), with no
            // application logic — warmed up like the full path first.
            int eventBytes = JSON.writeValueAsBytes(appEvent.get()).length;
            bareRun.set(new ConcurrentLinkedQueue<>());
            bareSend(sender, 100, 50, 1_000_000, eventBytes);
            Thread.sleep(2_000);
            bareRun.set(bareSendLatencies);
            bareSend(sender, total, rate, 2_000_000, eventBytes);
            Thread.sleep(5_000);
            report("bare broker: the client's SEND straight to a topic, padded to the app's event size ("
                    + eventBytes + " bytes of JSON; no service, database or change stream)",
                    bareSendLatencies, (long) total * subscribers, 0);

            // The same, fed inside the server by the messaging template: no client SEND at all.
            bareRun.set(bareLatencies);
            start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                pace(due);
                Object payload = Map.of("type", "message", "message", Map.of("text", "bench " + System.nanoTime(),
                        "seq", 3_000_000 + i));
                broker.convertAndSend(BARE, payload);
            }
            Thread.sleep(5_000);
            report("  for comparison, the broker fed by the server's messaging template (no client SEND either)",
                    bareLatencies, (long) total * subscribers, 0);
            System.out.printf(Locale.ROOT, "Messages stored: %d of %d sent%n", received == 0 ? 0 : total, total);
        }
        clients.forEach(StompTestClient::close);

        history(room, "anucha");
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Sends {@code count} bench messages to the bare topic at {@code rate} a second, numbered from
     * {@code firstSeq}, each padded to about {@code bytes} of JSON (the same load as the app's events).
     */
    private static void bareSend(StompTestClient sender, int count, int rate, long firstSeq, int bytes) {
        Map<String, Object> sample = Map.of("type", "message", "message", Map.of("text", "bench " + System.nanoTime(),
                "seq", firstSeq), "padding", "");
        String padding = "x".repeat(Math.max(0, bytes - JSON.writeValueAsBytes(sample).length));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pace(start + i * interval);
            sender.send(BARE, Map.of("type", "message", "message", Map.of("text", "bench " + System.nanoTime(),
                    "seq", firstSeq + i), "padding", padding));
        }
    }

    /** Waits for the send time without spinning (a spinning sender would take one of the two cores). */
    private static void pace(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private void report(String label, ConcurrentLinkedQueue<Long> latencies, long expected, long duplicates) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "%s: nothing received%n", label);
            return;
        }
        System.out.printf(Locale.ROOT, "%s:%n  deliveries %d of %d (lost %d), duplicates %d%n  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, sorted.size(), expected, Math.max(0, expected - sorted.size()), duplicates,
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.getLast() / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }

    /** Collects send-to-receive latency from the nanoTime the sender put in the text. */
    private record Collector(ConcurrentLinkedQueue<Long> latencies, Set<Long> seqs, AtomicLong duplicates)
            implements Consumer<Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public void accept(Map<String, Object> event) {
            long now = System.nanoTime();
            if (!"message".equals(event.get("type"))) {
                return;
            }
            Map<String, Object> message = (Map<String, Object>) event.get("message");
            String text = String.valueOf(message.get("text"));
            if (!text.startsWith("bench ")) {
                return;
            }
            long seq = ((Number) message.get("seq")).longValue();
            if (!seqs.add(seq)) {
                duplicates.incrementAndGet();
                return;
            }
            latencies.add(now - Long.parseLong(text.substring(6)));
        }
    }

    /**
     * Opening a room (newest 50) and paging back in the middle, in a network room grown to 1,000
     * and then to 100,000 messages (written directly, in bulk), as a member of it; other sizes with
     * {@code -Dbench.historySizes=1000,100000,1000000}.
     */
    private void history(String room, String member) {
        long existing = mongo.getCollection("room_counters").find(new org.bson.Document("_id", room)).first()
                .get("seq", Number.class).longValue();
        long next = existing;
        List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.historySizes", "1000,100000")
                .split(",")).map(String::strip).map(Integer::valueOf).toList();
        for (int size : sizes) {
            List<org.bson.Document> batch = new ArrayList<>();
            long t0 = System.nanoTime();
            while (next < size) {
                next++;
                batch.add(new org.bson.Document("_id", room + "." + String.format("%012d", next)).append("roomId", room)
                        .append("seq", next).append("clientId", room + "-h-" + next).append("senderAccountId", "x")
                        .append("senderName", "ผู้ทดสอบ").append("text", "ข้อความที่ " + next)
                        .append("html", "<p>ข้อความที่ " + next + "</p>").append("deleted", false)
                        .append("createdAt", new java.util.Date()));
                if (batch.size() == 5_000) {
                    mongo.getCollection("messages").insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mongo.getCollection("messages").insertMany(batch);
            }
            mongo.getCollection("room_counters").updateOne(new org.bson.Document("_id", room),
                    new org.bson.Document("$set", new org.bson.Document("seq", next)));
            long insertMs = (System.nanoTime() - t0) / 1_000_000;
            RoomId id = new RoomId(room);
            TestUsers.signInAs(accounts, member);
            List<Long> open = new ArrayList<>();
            List<Long> deep = new ArrayList<>();
            long last = next;
            for (int i = 0; i < 20; i++) {
                long s = System.nanoTime();
                int n = chat.latest(id, 50).size();
                open.add(System.nanoTime() - s);
                s = System.nanoTime();
                chat.before(id, last / 2, 50);
                deep.add(System.nanoTime() - s);
                if (n != 50) {
                    throw new IllegalStateException("expected 50, got " + n);
                }
            }
            TestUsers.signOut();
            Collections.sort(open);
            Collections.sort(deep);
            System.out.printf(Locale.ROOT, "History of %,d messages (grown in %,d ms): open (newest 50) p50 %.1f ms; a page in the middle p50 %.1f ms%n",
                    next, insertMs, pct(open, 0.5), pct(deep, 0.5));
        }
    }
}
