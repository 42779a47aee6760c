package th.phakhi.notification.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.notification.NotificationKind;

@Document("notifications")
@CompoundIndex(name = "recipient_created", def = "{'recipient': 1, 'createdAt': -1}")
@CompoundIndex(name = "recipient_unread", def = "{'recipient': 1, 'readAt': 1}")
public class NotificationDocument {
    @Id
    public String id;
    public String recipient;
    public NotificationKind kind;
    public String messageKey;
    public List<String> params;
    public String link;
    public Instant createdAt;
    public Instant readAt;
    /** When it went out by e-mail (alone or in a digest); null while it has not. */
    public Instant emailedAt;
}
