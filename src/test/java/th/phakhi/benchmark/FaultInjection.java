package th.phakhi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.phakhi.support.ChatMember;
import th.phakhi.support.ChatTally;
import th.phakhi.support.Cluster;

/**
 * Fault injection against real app processes on one database: each scenario prints one line
 * {@code FAULT <scenario> PASS|FAIL sent=… stored=… delivered=… lost=… duplicated=…} and fails
 * when anything acknowledged was lost, stored twice, not delivered to every member, or
 * delivered twice. Timings are printed, never asserted. Run with {@code scripts/fault-injection}
 * or {@code ./mvnw test -Pbenchmark -Dtest=FaultInjection[#scenario]}.
 */
@Tag("benchmark")
class FaultInjection {

    static final int MEMBERS = Integer.getInteger("fault.members", 20);
    static final int SENDERS = Integer.getInteger("fault.senders", 4);
    static final List<String> USERS = List.of("prasert", "kamonwan", "wichai", "nattaya", "suda");
    static final Map<String, String> APP = Map.of("phakhi.chat.rate.max", "100000");

    /** kill -9 of one of two nodes while messages flow; its clients fail over to the other node. */
    @Test
    void killOneNodeWhileMessagesFlow() throws Exception {
        try (Cluster cluster = Cluster.start("fault-kill", 2, null, APP)) {
            ChatRun run = new ChatRun(cluster);
            run.sendFor(20, at -> {
                if (at == 8) {
                    cluster.kill(1);
                    run.note("killed node B (kill -9) at 8 s");
                }
            });
            run.report("kill-node");
        }
    }

    /** The database stops for 30 s and comes back (data on disk), while both nodes take messages. */
    @Test
    void stopTheDatabaseForThirtySeconds() throws Exception {
        try (Cluster cluster = Cluster.start("fault-db", 2, Path.of("target", "fault-db"), APP)) {
            ChatRun run = new ChatRun(cluster);
            run.sendFor(50, at -> {
                if (at == 8) {
                    cluster.stopDatabase();
                    run.note("database stopped at 8 s");
                } else if (at == 38) {
                    cluster.startDatabase();
                    run.note("database back at 38 s");
                }
            });
            run.report("database-outage");
        }
    }

    /**
     * Scheduled announcements fall due while one node is killed (kill -9) and restarted: every one
     * is published once, each member told once, one feed item each — whichever node did the work,
     * including one that died half-way (its claim expires and another node finishes).
     */
    @Test
    void restartANodeWhileScheduledAnnouncementsFallDue() throws Exception {
        Map<String, String> app = Map.of("phakhi.announcements.publish-interval", "PT1S",
                "phakhi.announcements.publish-initial-delay", "PT1S");
        try (Cluster cluster = Cluster.start("fault-schedule", 2, null, app)) {
            MongoDatabase db = cluster.db();
            String author = cluster.accountId("kamonwan");
            Instant due = Instant.now().plusSeconds(12);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Document a = new Document("networkId", cluster.networkId()).append("title", "ประกาศตามเวลา " + i)
                        .append("body", "ทดสอบ").append("html", "<p>ทดสอบ</p>").append("category", "NEWS")
                        .append("links", List.of()).append("publishAt", Date.from(due.plusMillis(400L * i)))
                        .append("pinned", false).append("acknowledgementRequired", false).append("isPublic", false)
                        .append("published", false).append("authorAccountId", author)
                        .append("authorName", "นางสาวกมลวรรณ ศรีสุข").append("createdAt", new Date())
                        .append("acks", new Document());
                db.getCollection("announcements").insertOne(a);
                ids.add(a.getObjectId("_id").toHexString());
            }
            List<String> notes = new ArrayList<>();
            long start = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis() + 1_300));
            cluster.kill(0);
            notes.add(String.format(Locale.ROOT, "%.1f s: node A killed (kill -9), 1.3 s after the first was due",
                    (System.nanoTime() - start) / 1e9));
            cluster.restart(0);
            notes.add(String.format(Locale.ROOT, "%.1f s: node A back", (System.nanoTime() - start) / 1e9));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (db.getCollection("announcements").countDocuments(Filters.and(Filters.in("_id",
                    ids.stream().map(org.bson.types.ObjectId::new).toList()), Filters.eq("published", true))) < ids.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            notes.add(String.format(Locale.ROOT, "%.1f s: all published", (System.nanoTime() - start) / 1e9));
            Thread.sleep(3_000);
            long published = db.getCollection("announcements").countDocuments(Filters.and(Filters.in("_id",
                    ids.stream().map(org.bson.types.ObjectId::new).toList()), Filters.eq("published", true)));
            Set<String> everyone = new HashSet<>();
            Map<String, List<String>> told = new LinkedHashMap<>();
            long feedItems = 0;
            long feedTwice = 0;
            for (String id : ids) {
                List<String> recipients = new ArrayList<>();
                db.getCollection("notifications").find(Filters.eq("link", "announcements/" + id))
                        .forEach(d -> recipients.add(d.getString("recipient")));
                told.put(id, recipients);
                everyone.addAll(recipients);
                long items = db.getCollection("feed_items").countDocuments(Filters.eq("link", "announcements/" + id));
                feedItems += Math.min(items, 1);
                feedTwice += Math.max(0, items - 1);
            }
            long notifications = told.values().stream().mapToLong(List::size).sum();
            long duplicated = told.values().stream().mapToLong(r -> r.size() - new HashSet<>(r).size()).sum() + feedTwice;
            long missing = told.values().stream().mapToLong(r -> everyone.size() - new HashSet<>(r).size()).sum()
                    + (ids.size() - feedItems);
            boolean pass = published == ids.size() && duplicated == 0 && missing == 0 && !everyone.isEmpty();
            notes.forEach(n -> System.out.println("  " + n));
            System.out.printf(Locale.ROOT, "FAULT scheduled-restart %s announcements=%d published=%d audience=%d "
                            + "notifications=%d of %d feed-items=%d lost=%d duplicated=%d%n", pass ? "PASS" : "FAIL",
                    ids.size(), published, everyone.size(), notifications, (long) everyone.size() * ids.size(),
                    feedItems, missing, duplicated);
            assertThat(pass).as("scheduled work done exactly once").isTrue();
        }
    }

    interface Tick {
        void at(int second) throws Exception;
    }

    /** Members of the demo's general room, half on each node, a few of them sending. */
    static final class ChatRun {
        final Cluster cluster;
        final String room;
        final long startSeq;
        final List<ChatMember> members = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final long began = System.nanoTime();

        ChatRun(Cluster cluster) throws Exception {
            this.cluster = cluster;
            room = cluster.generalRoom();
            startSeq = ChatTally.lastSeq(cluster.db(), room);
            List<String> tokens = USERS.stream().map(cluster::token).toList();
            List<Integer> ports = cluster.ports();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(new ChatMember(ports, i % ports.size(), tokens.get(i % tokens.size()), room, startSeq));
            }
            Thread.sleep(1_000);
        }

        void note(String text) {
            notes.add(String.format(Locale.ROOT, "%.1f s: %s", (System.nanoTime() - began) / 1e9, text));
        }

        /** Each sender sends 4 messages a second for the given time; {@code tick} runs once a second. */
        void sendFor(int seconds, Tick tick) throws Exception {
            long start = System.nanoTime();
            for (int tenth = 0; tenth < seconds * 4; tenth++) {
                long wait = start + tenth * 250_000_000L - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (tenth % 4 == 0) {
                    tick.at(tenth / 4);
                }
                for (int s = 0; s < SENDERS; s++) {
                    members.get(s).send();
                }
            }
            note("sending stopped");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (members.stream().anyMatch(m -> m.pendingCount() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            note("all receipts in: " + members.stream().allMatch(m -> m.pendingCount() == 0));
            Thread.sleep(3_000);
        }

        void report(String scenario) {
            ChatTally tally = ChatTally.of(cluster.db(), room, startSeq, members);
            notes.forEach(n -> System.out.println("  " + n));
            tally.diagnostics().forEach(d -> System.out.println("  " + d));
            System.out.println("FAULT " + scenario + " " + (tally.pass() ? "PASS " : "FAIL ") + tally.line());
            members.forEach(ChatMember::close);
            assertThat(tally.pass()).as("scenario %s passed", scenario).isTrue();
        }
    }

}
