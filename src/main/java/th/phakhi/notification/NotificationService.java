package th.phakhi.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.notification.internal.NotificationDocument;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;

/** Notifications: other modules post them; each person reads and clears only their own. */
@Service
public class NotificationService {

    public static final int PAGE = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    NotificationService(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** Posts one notification to each recipient (duplicates and nulls ignored). */
    @PreAuthorize("isAuthenticated()")
    public void notify(Collection<AccountId> recipients, NotificationKind kind, String messageKey, List<String> params,
                       String link) {
        Set<AccountId> unique = new LinkedHashSet<>();
        recipients.stream().filter(java.util.Objects::nonNull).forEach(unique::add);
        if (unique.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<NotificationDocument> docs = new ArrayList<>();
        for (AccountId recipient : unique) {
            NotificationDocument doc = new NotificationDocument();
            doc.recipient = recipient.value();
            doc.kind = kind;
            doc.messageKey = messageKey;
            doc.params = List.copyOf(params);
            doc.link = link;
            doc.createdAt = now;
            docs.add(doc);
        }
        mongo.insertAll(docs);
        events.publishEvent(new NotificationPosted(Set.copyOf(unique)));
    }

    /** The signed-in user's notifications, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Notification> mine(int limit) {
        Query query = mine().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(Math.clamp(limit, 1, PAGE));
        return mongo.find(query, NotificationDocument.class).stream()
                .map(d -> new Notification(d.id, d.kind, d.messageKey, d.params == null ? List.of() : d.params, d.link,
                        d.createdAt, d.readAt != null))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long unreadCount() {
        return mongo.count(mine().addCriteria(Criteria.where("readAt").is(null)), NotificationDocument.class);
    }

    /** Marks one of the signed-in user's notifications read (someone else's id changes nothing). */
    @PreAuthorize("isAuthenticated()")
    public void markRead(String id) {
        mongo.updateFirst(mine().addCriteria(Criteria.where("_id").is(id)), Update.update("readAt", clock.instant()),
                NotificationDocument.class);
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        mongo.updateMulti(mine().addCriteria(Criteria.where("readAt").is(null)), Update.update("readAt", clock.instant()),
                NotificationDocument.class);
    }

    private static Query mine() {
        return Query.query(Criteria.where("recipient").is(CurrentUser.require().accountId().value()));
    }
}
