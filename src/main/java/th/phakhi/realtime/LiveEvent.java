package th.phakhi.realtime;

import java.time.Instant;
import java.util.Map;

/**
 * Something subscribers of a topic must learn at once. Events carry ids, not content: a
 * subscriber re-reads what it may see (and tolerates ids that no longer exist).
 *
 * @param topic   e.g. {@code room:net-abc}
 * @param type    e.g. {@code message}, {@code update}, {@code typing}, {@code access}
 * @param subject the id of the thing that changed (a message id), may be null
 * @param seq     an ordering number within the topic where there is one (message sequence), else 0
 * @param payload on the publishing node only: what changed, already read (saves subscribers a
 *                database read); null for events from other nodes, which re-read by id
 */
public record LiveEvent(String topic, String type, String subject, long seq, Map<String, String> data, Instant at,
                        Object payload) {

    public LiveEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public LiveEvent(String topic, String type, String subject, long seq, Map<String, String> data, Instant at) {
        this(topic, type, subject, seq, data, at, null);
    }

    /** Delivered to every subscriber when this node may have missed events: reload from the database. */
    public static final String RESYNC = "resync";
}
