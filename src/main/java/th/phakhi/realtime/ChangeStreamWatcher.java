package th.phakhi.realtime;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One change stream per app node on {@code live_events} (inserts only), delivered to the node's
 * subscribers through {@code LiveEvents}. The resume token is kept, so after a database hiccup
 * the stream continues where it stopped; when it cannot (token too old, or the stream had to be
 * opened fresh), every subscriber is told to reload from the database instead.
 */
@Component
class ChangeStreamWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamWatcher.class);

    private final MongoTemplate mongo;
    private final LiveEvents bridge;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private volatile BsonDocument resumeToken;

    private final boolean enabled;

    /** Watches only when events travel between nodes ({@link LiveEvents#crossNode()}). */
    ChangeStreamWatcher(MongoTemplate mongo, LiveEvents bridge) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.enabled = bridge.crossNode();
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.info("Live events: delivered within this node (embedded database, single node)");
            return;
        }
        log.info("Live events: one change stream on {} for this node", LiveEvents.COLLECTION);
        thread = Thread.ofPlatform().daemon().name("phakhi-change-stream").start(this::run);
    }

    private void run() {
        long backoff = 200;
        while (running) {
            try {
                var watch = mongo.getCollection(LiveEvents.COLLECTION)
                        .watch(List.of(Aggregates.match(Filters.eq("operationType", "insert"))))
                        .maxAwaitTime(500, TimeUnit.MILLISECONDS);
                boolean resumed = resumeToken != null;
                if (resumed) {
                    watch = watch.resumeAfter(resumeToken);
                }
                cursor = watch.cursor();
                if (!resumed) {
                    // Opened fresh (start-up or after a lost token): anything open may be stale.
                    bridge.resyncAll();
                }
                backoff = 200;
                long idle = 1;
                while (running) {
                    long asked = System.nanoTime();
                    ChangeStreamDocument<Document> change = cursor.tryNext();
                    if (change == null) {
                        // MongoDB waits server-side (maxAwaitTime) before answering "nothing yet"; the
                        // embedded server answers at once, so wait here instead of spinning a core —
                        // briefly at first after activity, up to 20 ms when quiet.
                        if (System.nanoTime() - asked < 2_000_000) {
                            sleep(idle);
                            idle = Math.min(idle * 2, 20);
                        }
                        continue;
                    }
                    idle = 1;
                    resumeToken = change.getResumeToken();
                    Document doc = change.getFullDocument();
                    if (doc != null) {
                        bridge.deliverFromStream(doc.getObjectId("_id"), toEvent(doc));
                    }
                }
            } catch (MongoException | IllegalStateException e) {
                if (!running) {
                    break;
                }
                if (isLostToken(e)) {
                    log.warn("Change stream cannot resume ({}); reopening and telling screens to reload", e.getMessage());
                    resumeToken = null;
                } else {
                    log.warn("Change stream interrupted ({}); retrying in {} ms", e.getMessage(), backoff);
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            } finally {
                closeCursor();
            }
        }
    }

    private static boolean isLostToken(Exception e) {
        return e instanceof MongoException m && (m.getCode() == 286 || m.getCode() == 280 || m.getCode() == 260);
    }

    static LiveEvent toEvent(Document doc) {
        Map<String, String> data = new HashMap<>();
        Object raw = doc.get("data");
        if (raw instanceof Document d) {
            d.forEach((k, v) -> data.put(k, v == null ? null : v.toString()));
        }
        Object at = doc.get("at");
        Number seq = doc.get("seq", Number.class);
        return new LiveEvent(doc.getString("topic"), doc.getString("type"), doc.getString("subject"),
                seq == null ? 0 : seq.longValue(), data, at instanceof Date date ? date.toInstant() : Instant.now());
    }

    /** Live events are only needed for a moment: anything older than an hour goes. */
    @Scheduled(fixedDelayString = "PT10M", initialDelay = 300_000)
    void purgeOldEvents() {
        mongo.getCollection(LiveEvents.COLLECTION).deleteMany(
                Filters.lt("at", Date.from(Instant.now().minusSeconds(3_600))));
    }

    private void closeCursor() {
        var c = cursor;
        cursor = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing a broken cursor
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        closeCursor();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Start after the database (and the embedded server) is up; stop before it goes.
        return Integer.MAX_VALUE - 100;
    }
}
