package th.phakhi.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * What happened to the messages {@link ChatMember}s sent, checked against the database: sent,
 * acknowledged, stored (once?), delivered to every member (live or by catching up), lost,
 * duplicated, out of order — and the delivery latencies the members measured.
 */
public record ChatTally(int members, long sent, long acknowledged, long stored, long delivered, long expected,
                        long lost, long storedTwice, long deliveredTwice, long missing, long outOfOrder,
                        long unacknowledged, long reconnects, long resyncs, long refusals, long conflictingReceipts,
                        double longestReconnectSeconds, List<Long> latencyNanos, List<Window> windows,
                        Window sameNode, Window otherNode, Window settled, List<String> diagnostics) {

    /** Delivery latency of the messages sent within one stretch of the run (seconds from the first send). */
    public record Window(int fromSecond, int toSecond, int deliveries, double p50Ms, double p99Ms, double maxMs) {
        String line() {
            return String.format(Locale.ROOT, "%4d–%4d s: %,9d deliveries p50=%.0fms p99=%.0fms max=%.0fms",
                    fromSecond, toSecond, deliveries, p50Ms, p99Ms, maxMs);
        }
    }

    static final int WINDOW_SECONDS = 10;

    /** The room's newest sequence number now: members track only what comes after it. */
    public static long lastSeq(MongoDatabase db, String room) {
        Document last = db.getCollection("messages").find(Filters.eq("roomId", room))
                .sort(Sorts.descending("seq")).first();
        return last == null ? 0 : ((Number) last.get("seq")).longValue();
    }

    public static ChatTally of(MongoDatabase db, String room, long startSeq, List<ChatMember> members) {
        Set<String> sent = new HashSet<>();
        Set<String> acknowledged = new HashSet<>();
        members.forEach(m -> {
            sent.addAll(m.sent());
            acknowledged.addAll(m.acknowledged.keySet());
        });
        Map<String, Long> stored = new LinkedHashMap<>();
        long storedDocuments = 0;
        for (Document d : db.getCollection("messages").find(Filters.and(Filters.eq("roomId", room),
                Filters.gt("seq", startSeq)))) {
            String clientId = d.getString("clientId");
            if (sent.contains(clientId)) {
                storedDocuments++;
                stored.put(clientId, ((Number) d.get("seq")).longValue());
            }
        }
        Map<Long, String> bySeq = new HashMap<>();
        stored.forEach((id, seq) -> bySeq.put(seq, id));
        long delivered = 0;
        long missing = 0;
        List<String> diagnostics = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            ChatMember m = members.get(i);
            List<Long> gaps = bySeq.keySet().stream().filter(q -> !m.seen.containsKey(q)).sorted().toList();
            delivered += bySeq.size() - gaps.size();
            missing += gaps.size();
            if (!gaps.isEmpty() && diagnostics.size() < 30) {
                Set<String> own = m.sent();
                diagnostics.add(String.format(Locale.ROOT, "member %d (node %d, %d reconnects, %d resyncs) missed %d "
                                + "(%d its own): seq %d…%d", i, m.nodeIndex(), m.reconnects.get(), m.resyncs.get(),
                        gaps.size(), gaps.stream().filter(q -> own.contains(bySeq.get(q))).count(), gaps.getFirst(),
                        gaps.getLast()));
            }
        }
        List<long[]> timed = new ArrayList<>();
        members.forEach(m -> timed.addAll(m.deliveries));
        List<Long> latencies = new ArrayList<>(timed.stream().map(d -> d[1]).sorted().toList());
        return new ChatTally(members.size(), sent.size(), acknowledged.size(), stored.size(), delivered,
                (long) bySeq.size() * members.size(), acknowledged.stream().filter(id -> !stored.containsKey(id)).count(),
                storedDocuments - stored.size(), sum(members, m -> m.duplicateDeliveries.get()), missing,
                sum(members, m -> m.outOfOrder.get()), sent.size() - acknowledged.size(),
                sum(members, m -> m.reconnects.get()), sum(members, m -> m.resyncs.get()),
                sum(members, m -> m.refusals.get()), sum(members, m -> m.conflictingReceipts.get()),
                members.stream().mapToLong(m -> m.longestOutageNanos.get()).max().orElse(0) / 1e9, latencies,
                windows(timed), window(0, 0, timed.stream().filter(d -> d[2] == 0).toList()),
                window(0, 0, timed.stream().filter(d -> d[2] == 1).toList()), settled(timed), diagnostics);
    }

    /** Latency by when the message was sent: shows whether a tail comes early (warm-up) or throughout. */
    private static List<Window> windows(List<long[]> timed) {
        long first = timed.stream().mapToLong(d -> d[0]).min().orElse(0);
        Map<Integer, List<long[]>> byWindow = new java.util.TreeMap<>();
        timed.forEach(d -> byWindow.computeIfAbsent((int) ((d[0] - first) / 1_000_000_000L / WINDOW_SECONDS),
                w -> new ArrayList<>()).add(d));
        List<Window> windows = new ArrayList<>();
        byWindow.forEach((w, list) -> windows.add(window(w * WINDOW_SECONDS, (w + 1) * WINDOW_SECONDS, list)));
        return windows;
    }

    /**
     * Messages sent after the first {@code load.warmupSeconds} (default 10) of chatting: freshly started
     * nodes compile their hot paths in the first seconds, which shows as a tail there and nowhere else.
     */
    private static Window settled(List<long[]> timed) {
        int warmup = Integer.getInteger("load.warmupSeconds", WINDOW_SECONDS);
        long first = timed.stream().mapToLong(d -> d[0]).min().orElse(0);
        return window(warmup, 0, timed.stream().filter(d -> d[0] - first >= warmup * 1_000_000_000L).toList());
    }

    /** The given deliveries ({sent, latency, where}) as one window. */
    private static Window window(int fromSecond, int toSecond, List<long[]> timed) {
        List<Long> list = timed.stream().map(d -> d[1]).sorted().toList();
        return new Window(fromSecond, toSecond, list.size(), percentile(list, .5), percentile(list, .99),
                list.isEmpty() ? 0 : list.getLast() / 1e6);
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e6;
    }

    /** One line per window, for the printed report. */
    public List<String> windowLines() {
        List<String> lines = new ArrayList<>(windows.stream().map(w -> "by send time " + w.line()).toList());
        lines.add(String.format(Locale.ROOT, "after the first %d s: %,d deliveries p50=%.0fms p99=%.0fms max=%.0fms",
                settled.fromSecond(), settled.deliveries(), settled.p50Ms(), settled.p99Ms(), settled.maxMs()));
        if (otherNode.deliveries() > 0) {
            lines.add(String.format(Locale.ROOT, "to members on the sender's node: %,d p50=%.0fms p99=%.0fms; "
                            + "on the other node: %,d p50=%.0fms p99=%.0fms", sameNode.deliveries(), sameNode.p50Ms(),
                    sameNode.p99Ms(), otherNode.deliveries(), otherNode.p50Ms(), otherNode.p99Ms()));
        }
        return lines;
    }

    private static long sum(List<ChatMember> members, java.util.function.ToLongFunction<ChatMember> f) {
        return members.stream().mapToLong(f).sum();
    }

    /** Nothing acknowledged lost, nothing stored or delivered twice, every member has every message, in order. */
    public boolean pass() {
        return lost == 0 && storedTwice == 0 && unacknowledged == 0 && missing == 0 && deliveredTwice == 0
                && outOfOrder == 0 && conflictingReceipts == 0;
    }

    /** A latency percentile in milliseconds. */
    public double latencyMillis(double q) {
        return percentile(latencyNanos, q);
    }

    public String line() {
        return String.format(Locale.ROOT, "members=%d sent=%d acknowledged=%d stored=%d delivered=%d of %d lost=%d "
                        + "duplicated=%d (stored twice %d, delivered twice %d) missing=%d out-of-order=%d "
                        + "unacknowledged=%d reconnects=%d resyncs=%d refusals=%d longest-reconnect=%.1fs "
                        + "delivery p50=%.0fms p99=%.0fms max=%.0fms", members, sent, acknowledged, stored, delivered,
                expected, lost, storedTwice + deliveredTwice, storedTwice, deliveredTwice, missing, outOfOrder,
                unacknowledged, reconnects, resyncs, refusals, longestReconnectSeconds, latencyMillis(.5),
                latencyMillis(.99), latencyNanos.isEmpty() ? 0 : latencyNanos.getLast() / 1e6);
    }

    /** The figures for a machine-readable report. */
    public Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("members", members);
        f.put("sent", sent);
        f.put("acknowledged", acknowledged);
        f.put("stored", stored);
        f.put("delivered", delivered);
        f.put("expectedDeliveries", expected);
        f.put("lost", lost);
        f.put("storedTwice", storedTwice);
        f.put("deliveredTwice", deliveredTwice);
        f.put("missingDeliveries", missing);
        f.put("outOfOrder", outOfOrder);
        f.put("unacknowledged", unacknowledged);
        f.put("reconnects", reconnects);
        f.put("refusals", refusals);
        f.put("deliveryP50Ms", latencyMillis(.5));
        f.put("deliveryP95Ms", latencyMillis(.95));
        f.put("deliveryP99Ms", latencyMillis(.99));
        f.put("deliveryMaxMs", latencyNanos.isEmpty() ? 0 : latencyNanos.getLast() / 1e6);
        f.put("deliveryByWindow", windows);
        f.put("deliverySameNode", sameNode);
        f.put("deliveryOtherNode", otherNode);
        f.put("deliveryAfterWarmup", settled);
        f.put("pass", pass());
        return f;
    }
}
