package th.phakhi.announcement.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.shared.Link;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.Category;

@Document("announcements")
@CompoundIndex(name = "network_publish", def = "{'networkId': 1, 'publishAt': -1}")
public class AnnouncementDocument {
    @Id
    public String id;
    public String networkId;
    public String groupId;
    public String title;
    public String body;
    public String html;
    public Category category;
    public List<Link> links = new ArrayList<>();
    @Indexed
    public Instant publishAt;
    public Instant expiresAt;
    public boolean pinned;
    public boolean acknowledgementRequired;
    public boolean isPublic;
    /** Set once the publication is done (notifications and feed item posted); see publishClaimUntil. */
    @Indexed
    public boolean published;
    /** While a node is publishing it: until when its claim holds (then another node may redo the work). */
    public Instant publishClaimUntil;
    public String authorAccountId;
    public String authorName;
    public Instant createdAt;
    public Instant editedAt;
    /** Member organization id → its acknowledgement; set once per organization (a second press changes nothing). */
    public Map<String, Ack> acks = new LinkedHashMap<>();
    public Instant lastReminderAt;

    public static class Ack {
        public Instant at;
        public String byAccountId;
        public String byName;
    }
}
