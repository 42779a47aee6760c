package th.phakhi.training.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.shared.Link;
import th.phakhi.training.EventType;
import th.phakhi.training.Repeat;

/** A single event or a recurring series: what its occurrences share. */
@Document("training_series")
public class SeriesDocument {
    @Id
    public String id;
    @Indexed
    public String networkId;
    public EventType type;
    public String topic;
    public String agenda;
    public String agendaHtml;
    public List<String> speakers = new ArrayList<>();
    public String venue;
    public String address;
    public String mapUrl;
    public String onlineUrl;
    public Integer capacity;
    /** Local (Thailand) start of the first occurrence. */
    public LocalDateTime firstStart;
    public int durationMinutes;
    public Repeat repeat;
    /** RFC 5545 RRULE, null for a single event. */
    public String rule;
    public int registrationCloseHours;
    public int reminderHours;
    public List<Link> materials = new ArrayList<>();
    public String createdByAccountId;
    public String createdByName;
    public Instant createdAt;
    public Instant editedAt;
}
