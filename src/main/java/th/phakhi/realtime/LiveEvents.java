package th.phakhi.realtime;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The node's live event hub. {@link #publish} writes an event to MongoDB; the node's change
 * stream ({@code ChangeStreamWatcher}) reads every node's events back and calls {@link #deliver},
 * which hands them to this node's subscribers of the topic. Each subscription gets events one at
 * a time, in order, on its own virtual thread, so a slow screen never holds up the others.
 *
 * <p>This is deliberately not an access check: whoever subscribes has been checked by the module
 * that owns the topic, and re-checks when an {@code access} event arrives.
 */
@Component
public class LiveEvents {

    static final String COLLECTION = "live_events";
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, List<Subscription>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** Ids of events this node published and delivered itself, until they come back through the stream. */
    private final Map<ObjectId, Boolean> deliveredLocally = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ObjectId, Boolean> eldest) {
                    return size() > 50_000;
                }
            });

    private final boolean crossNode;

    /**
     * @param setting {@code auto} (default): events go through MongoDB to other nodes unless the
     *                database is the embedded one — it lives inside this node, which is then the only
     *                node; {@code on} / {@code off} force it.
     */
    LiveEvents(MongoTemplate mongo, Clock clock, th.phakhi.shared.mongo.DatabaseMode mode,
               @org.springframework.beans.factory.annotation.Value("${phakhi.realtime.change-stream:auto}") String setting) {
        this.mongo = mongo;
        this.clock = clock;
        this.crossNode = switch (setting) {
            case "on" -> true;
            case "off" -> false;
            default -> !mode.embedded();
        };
    }

    /** Whether events travel between nodes (through MongoDB and each node's change stream). */
    public boolean crossNode() {
        return crossNode;
    }

    /**
     * Stores the event; every other node delivers it through its change stream. This node delivers
     * it at once and skips it when it comes back through the stream.
     */
    public void publish(String topic, String type, String subject, long seq, Map<String, String> data) {
        publish(topic, type, subject, seq, data, null);
    }

    /** As {@link #publish(String, String, String, long, Map)}, handing this node's subscribers what changed. */
    public void publish(String topic, String type, String subject, long seq, Map<String, String> data, Object payload) {
        java.util.Date at = java.util.Date.from(clock.instant());
        if (crossNode) {
            ObjectId id = new ObjectId();
            Document doc = new Document("_id", id).append("topic", topic).append("type", type).append("subject", subject)
                    .append("seq", seq).append("data", new Document(data == null ? Map.of() : data)).append("at", at);
            mongo.getCollection(COLLECTION).insertOne(doc);
            deliveredLocally.put(id, Boolean.TRUE);
        }
        deliver(new LiveEvent(topic, type, subject, seq, data, at.toInstant(), payload));
    }

    /** From the change stream: delivers, unless this node published it and delivered it already. */
    void deliverFromStream(ObjectId id, LiveEvent event) {
        if (id != null && deliveredLocally.remove(id) != null) {
            return;
        }
        deliver(event);
    }

    /** Subscribes to a topic; close the returned handle when the screen or connection goes away. */
    public Subscription subscribe(String topic, Consumer<LiveEvent> listener) {
        Subscription subscription = new Subscription(topic, listener);
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscription);
        return subscription;
    }

    /** Number of this node's subscriptions (for metrics and tests). */
    public int subscriptionCount() {
        return subscribers.values().stream().mapToInt(List::size).sum();
    }

    void deliver(LiveEvent event) {
        List<Subscription> list = subscribers.get(event.topic());
        if (list != null) {
            list.forEach(s -> s.offer(event));
        }
    }

    /** Tells every subscriber to reload: this node may have missed events (change stream restarted). */
    void resyncAll() {
        LiveEvent resync = new LiveEvent("*", LiveEvent.RESYNC, null, 0, Map.of(), clock.instant());
        subscribers.values().forEach(list -> list.forEach(s -> s.offer(resync)));
    }

    /** One subscriber of one topic: an ordered queue drained by one virtual thread at a time. */
    public final class Subscription implements AutoCloseable {
        private final String topic;
        private final Consumer<LiveEvent> listener;
        private final Queue<LiveEvent> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean closed;

        private Subscription(String topic, Consumer<LiveEvent> listener) {
            this.topic = topic;
            this.listener = listener;
        }

        private void offer(LiveEvent event) {
            if (closed) {
                return;
            }
            queue.add(event);
            drain();
        }

        private void drain() {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            executor.execute(() -> {
                try {
                    LiveEvent next;
                    while (!closed && (next = queue.poll()) != null) {
                        try {
                            listener.accept(next);
                        } catch (RuntimeException e) {
                            log.warn("Live event listener failed on {}: {}", topic, e.toString());
                        }
                    }
                } finally {
                    draining.set(false);
                    if (!queue.isEmpty() && !closed) {
                        drain();
                    }
                }
            });
        }

        public String topic() {
            return topic;
        }

        /** Offers an event to this subscriber only, in turn with the others (a second look later). */
        public void redeliver(LiveEvent event) {
            offer(event);
        }

        @Override
        public void close() {
            closed = true;
            queue.clear();
            List<Subscription> list = subscribers.get(topic);
            if (list != null) {
                list.remove(this);
            }
        }
    }
}
