package th.phakhi.announcement.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("announcement_replies")
public class ReplyDocument {
    @Id
    public String id;
    @Indexed
    public String announcementId;
    public String authorAccountId;
    public String authorName;
    public String organizationName;
    public String text;
    public Instant at;
}
