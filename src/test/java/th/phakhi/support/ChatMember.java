package th.phakhi.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.messaging.simp.stomp.StompSession;

/**
 * A room member over the STOMP API behaving as the web screen does on a poor connection: keeps
 * what it sends until the receipt comes (resending with the same client id after a timeout or a
 * reconnect), fails over to the next node when its node goes away, and after a reconnect or a
 * {@code resync} event catches up on what it missed ({@code /app/rooms/{room}/after/{seq}}).
 * Counts what a fault test needs: messages seen (live or caught up), duplicate and out-of-order
 * live deliveries, reconnects, delivery latencies of its own bench messages.
 */
public final class ChatMember implements AutoCloseable {

    /** Bodies sent by {@link #send()} carry the send time, so any member can measure delivery latency. */
    public static final String PREFIX = "fault-test ";
    private static final long RECEIPT_TIMEOUT_NANOS = 5_000_000_000L;

    private final List<Integer> ports;
    private final String token;
    private final String room;
    private volatile int node;
    private volatile StompTestClient client;
    private volatile boolean running = true;
    private final Thread supervisor;

    /** Sequence number → client id of every message this member has (live or caught up), after {@code startSeq}. */
    public final ConcurrentSkipListMap<Long, String> seen = new ConcurrentSkipListMap<>();
    private final long startSeq;
    /** Every message up to this sequence number is in {@link #seen} (or never will be: a skipped hole). */
    private final AtomicLong complete;
    /** Client id → {first sent, last sent} (nanos) of what awaits its receipt. */
    private final Map<String, long[]> pending = new ConcurrentHashMap<>();
    private final Map<String, String> pendingBodies = new ConcurrentHashMap<>();
    /** Client id → the sequence number the receipt gave. */
    public final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    /** Per delivery: {when it was sent (nanoTime), how long it took (nanos), 0/1/2: sent to this node, another, not known}. */
    public final ConcurrentLinkedQueue<long[]> deliveries = new ConcurrentLinkedQueue<>();
    /** Send → receipt of this member's own messages (the first send, so resends count in). */
    public final ConcurrentLinkedQueue<Long> receiptNanos = new ConcurrentLinkedQueue<>();
    public final AtomicLong duplicateDeliveries = new AtomicLong();
    public final AtomicLong outOfOrder = new AtomicLong();
    public final AtomicLong reconnects = new AtomicLong();
    public final AtomicLong resyncs = new AtomicLong();
    public final AtomicLong refusals = new AtomicLong();
    public final AtomicLong conflictingReceipts = new AtomicLong();
    /** The longest time from losing the connection to being subscribed and caught up again. */
    public final AtomicLong longestOutageNanos = new AtomicLong();
    private final AtomicReference<Connection> connection = new AtomicReference<>();

    private record Connection(StompTestClient client, Map<Long, Boolean> live, AtomicLong lastLive) {
    }

    /**
     * @param ports    the nodes, in failover order
     * @param first    index of the node to connect to first
     * @param startSeq the room's last sequence number before the test: only later messages are tracked
     */
    public ChatMember(List<Integer> ports, int first, String token, String room, long startSeq) throws Exception {
        this.ports = ports;
        this.node = first;
        this.token = token;
        this.room = room;
        this.startSeq = startSeq;
        this.complete = new AtomicLong(startSeq);
        connect(false);
        supervisor = Thread.ofVirtual().name("chat-member").start(this::supervise);
    }

    public boolean connected() {
        StompTestClient c = client;
        return c != null && c.connected() && !c.closed.isDone();
    }

    public int nodeIndex() {
        return node;
    }

    /** Sends a bench message (body: prefix, send time, " n" and the node sent to); returns its client id. */
    public String send() {
        String clientId = UUID.randomUUID().toString();
        String body = PREFIX + System.nanoTime() + " n" + node;
        pending.put(clientId, new long[] {System.nanoTime(), 0});
        pendingBodies.put(clientId, body);
        transmit(clientId);
        return clientId;
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Every client id this member sent, acknowledged or not. */
    public java.util.Set<String> sent() {
        java.util.Set<String> all = new java.util.HashSet<>(acknowledged.keySet());
        all.addAll(pending.keySet());
        return all;
    }

    private void transmit(String clientId) {
        long[] p = pending.get(clientId);
        StompTestClient c = client;
        if (p == null || c == null || !connected()) {
            return;
        }
        p[1] = System.nanoTime();
        try {
            c.send("/app/rooms/" + room + "/messages", Map.of("clientId", clientId, "body", pendingBodies.get(clientId)));
        } catch (RuntimeException e) {
            // the connection went away: the supervisor reconnects and sends again
        }
    }

    private void supervise() {
        while (running) {
            try {
                Thread.sleep(250);
                if (!connected()) {
                    long lost = System.nanoTime();
                    connect(true);
                    longestOutageNanos.accumulateAndGet(System.nanoTime() - lost, Math::max);
                }
                long now = System.nanoTime();
                pending.forEach((id, p) -> {
                    if (now - p[1] > RECEIPT_TIMEOUT_NANOS) {
                        transmit(id);
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // node not reachable yet: try the next one on the next round
                node = (node + 1) % ports.size();
            }
        }
    }

    private void connect(boolean reconnect) throws Exception {
        StompTestClient old = client;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        StompTestClient c = new StompTestClient().connect(ports.get(node), token, null);
        Connection conn = new Connection(c, new ConcurrentHashMap<>(), new AtomicLong());
        connection.set(conn);
        c.subscribe("/user/queue/receipts", this::onReceipt);
        c.subscribe("/user/queue/errors", e -> refusals.incrementAndGet());
        // Catch up only once the live subscription is confirmed active: nothing falls in between.
        c.subscribeConfirmed("/topic/rooms/" + room, event -> onEvent(conn, event))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        client = c;
        catchUp();
        if (reconnect) {
            reconnects.incrementAndGet();
            pending.keySet().forEach(this::transmit);
        }
    }

    private void onEvent(Connection conn, Map<String, Object> event) {
        String type = String.valueOf(event.get("type"));
        if ("resync".equals(type)) {
            resyncs.incrementAndGet();
            catchUp();
            return;
        }
        if (!"message".equals(type)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) event.get("message");
        long seq = ((Number) m.get("seq")).longValue();
        long now = System.nanoTime();
        if (conn.live().put(seq, Boolean.TRUE) != null) {
            duplicateDeliveries.incrementAndGet();
            return;
        }
        if (seq <= conn.lastLive().getAndSet(seq)) {
            outOfOrder.incrementAndGet();
        }
        record(m, now);
    }

    private void record(Map<String, Object> m, long arrived) {
        long seq = ((Number) m.get("seq")).longValue();
        if (seq <= startSeq) {
            return;
        }
        String text = String.valueOf(m.get("text"));
        if (seen.putIfAbsent(seq, String.valueOf(m.get("clientId"))) == null && arrived > 0 && text.startsWith(PREFIX)) {
            String[] stamp = text.substring(PREFIX.length()).split(" n");
            long sentAt = Long.parseLong(stamp[0]);
            // 0: sent to this member's node, 1: to the other node, 2: not known (sent from a web screen)
            long where = stamp.length < 2 ? 2 : Integer.parseInt(stamp[1]) != node ? 1 : 0;
            deliveries.add(new long[] {sentAt, arrived - sentAt, where});
        }
        advanceComplete();
    }

    private void advanceComplete() {
        synchronized (complete) {
            while (seen.containsKey(complete.get() + 1)) {
                complete.incrementAndGet();
            }
        }
    }

    /**
     * Asks for everything after the newest message up to which this member has them all — not
     * after the newest it has: live messages may have arrived on a new connection before the
     * catch-up of the old gap did.
     */
    private void catchUp() {
        long after = complete.get();
        StompTestClient c = client;
        if (c == null) {
            return;
        }
        StompSession.Subscription[] sub = new StompSession.Subscription[1];
        sub[0] = c.subscribe("/app/rooms/" + room + "/after/" + after, reply -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages = (List<Map<String, Object>>) reply.get("messages");
            messages.forEach(m -> record(m, 0));
            if (!messages.isEmpty()) {
                // The reply is complete up to its last message (a hole that never filled is skipped).
                long last = ((Number) messages.getLast().get("seq")).longValue();
                synchronized (complete) {
                    complete.accumulateAndGet(last, Math::max);
                }
                advanceComplete();
            }
            try {
                sub[0].unsubscribe();
            } catch (RuntimeException ignored) {
                // connection gone meanwhile
            }
            if (Boolean.TRUE.equals(reply.get("more"))) {
                // A full page: ask again now; a short one stopped at a message being stored: in a moment.
                boolean full = messages.size() >= 500;
                Thread.ofVirtual().start(() -> {
                    if (!full) {
                        sleepQuietly(300);
                    }
                    catchUp();
                });
            }
        });
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onReceipt(Map<String, Object> receipt) {
        String clientId = String.valueOf(receipt.get("clientId"));
        long seq = ((Number) receipt.get("seq")).longValue();
        long[] p = pending.remove(clientId);
        if (p != null) {
            receiptNanos.add(System.nanoTime() - p[0]);
        }
        Long before = acknowledged.putIfAbsent(clientId, seq);
        if (before != null && before != seq) {
            conflictingReceipts.incrementAndGet();
        }
    }

    @Override
    public void close() {
        running = false;
        supervisor.interrupt();
        StompTestClient c = client;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }
}
