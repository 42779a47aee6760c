package th.phakhi.feed.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.feed.FeedItem;

@Document("feed_items")
@CompoundIndex(name = "network_at", def = "{'networkId': 1, 'at': -1, '_id': -1}")
public class FeedDocument {
    @Id
    public String id;
    public String networkId;
    public FeedItem.Kind kind;
    public String authorAccountId;
    public String authorName;
    public String organizationName;
    public String text;
    public String url;
    public String messageKey;
    public List<String> params = new ArrayList<>();
    public String link;
    public Instant at;
}
