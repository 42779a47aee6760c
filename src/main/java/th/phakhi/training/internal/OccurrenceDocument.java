package th.phakhi.training.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One occurrence of a series. Its seats, waiting list and attendance live in this one document, so
 * every registration is a single atomic update (no transactions; see decision 010).
 */
@Document("training_occurrences")
@CompoundIndexes({
        @CompoundIndex(name = "network_start", def = "{'networkId': 1, 'start': 1}"),
        @CompoundIndex(name = "registered_start", def = "{'registrations.personId': 1, 'start': 1}"),
        @CompoundIndex(name = "waiting_start", def = "{'waiting.personId': 1, 'start': 1}"),
        @CompoundIndex(name = "reminder_due", def = "{'reminderSentAt': 1, 'remindAt': 1}")
})
public class OccurrenceDocument {
    /** Series id and the original local start ({@code yyyyMMdd'T'HHmm}), like RFC 5545's RECURRENCE-ID. */
    @Id
    public String id;
    public String seriesId;
    public String networkId;
    /** 1-based position in the series. */
    public int number;
    public Instant originalStart;
    public Instant start;
    public Instant end;
    public Instant registrationClosesAt;
    /** Null when no reminder is wanted. */
    public Instant remindAt;
    public Instant reminderSentAt;
    /** While a node is sending the reminder: until when its claim holds (then another node may redo it). */
    public Instant reminderClaimUntil;
    public boolean moved;
    public boolean cancelled;
    public String cancelReason;
    /** Copied from the series (null: no limit); the seat condition of every registration reads it. */
    public Integer capacity;
    public int registeredCount;
    public List<Entry> registrations = new ArrayList<>();
    public List<Entry> waiting = new ArrayList<>();
    public String checkInCode;
    /** Person id → wrong codes entered. */
    public Map<String, Integer> codeFailures = new LinkedHashMap<>();
    /** Raised on every change attendees should see (iCalendar SEQUENCE). */
    public int sequence;

    /** A person registered, waiting, or checked in. */
    public static class Entry {
        public String personId;
        public String accountId;
        public String personName;
        public String organizationId;
        public String organizationName;
        public String registeredByAccountId;
        public String registeredByName;
        public Instant at;
        public Instant attendedAt;
        public String checkedInBy;
        public boolean walkIn;
    }
}
