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
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import java.util.Map;
import java.util.Optional;
import th.phakhi.notification.internal.NotificationDocument;
import th.phakhi.notification.internal.PreferencesDocument;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;

/** Notifications: other modules post them; each person reads and clears only their own. */
@Service
public class NotificationService {

    public static final int PAGE = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final LiveEvents live;
    private final NotificationMailer mailer;

    /** Live event type on a person's topic: a notification arrived. */
    public static final String NOTIFICATION = "notification";
    /** Live event type on a person's topic: notifications were marked read (on any of their devices). */
    public static final String READ = "read";

    NotificationService(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events, LiveEvents live,
                        NotificationMailer mailer) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        this.live = live;
        this.mailer = mailer;
    }

    /** Posts one notification to each recipient (duplicates and nulls ignored). */
    @PreAuthorize("isAuthenticated()")
    public void notify(Collection<AccountId> recipients, NotificationKind kind, String messageKey, List<String> params,
                       String link) {
        post(null, recipients, kind, messageKey, params, link);
    }

    /**
     * Like {@link #notify}, but at most once per recipient for the same {@code once} key (e.g.
     * "announcement-{id}"), however often it is called: work that a crashed node left half done
     * can be done again without anyone hearing twice.
     */
    @PreAuthorize("isAuthenticated()")
    public void notifyOnce(String once, Collection<AccountId> recipients, NotificationKind kind, String messageKey,
                           List<String> params, String link) {
        post(java.util.Objects.requireNonNull(once), recipients, kind, messageKey, params, link);
    }

    private void post(String once, Collection<AccountId> recipients, NotificationKind kind, String messageKey,
                      List<String> params, String link) {
        Set<AccountId> unique = new LinkedHashSet<>();
        recipients.stream().filter(java.util.Objects::nonNull).forEach(unique::add);
        if (unique.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<NotificationDocument> docs = new ArrayList<>();
        for (AccountId recipient : unique) {
            NotificationDocument doc = new NotificationDocument();
            // A key that is not an ObjectId stays a string id: the unique _id makes a repeat a no-op.
            doc.id = once == null ? null : once + "." + recipient.value();
            doc.recipient = recipient.value();
            doc.kind = kind;
            doc.messageKey = messageKey;
            doc.params = List.copyOf(params);
            doc.link = link;
            doc.createdAt = now;
            docs.add(doc);
        }
        if (once == null) {
            mongo.insertAll(docs);
        } else {
            docs = insertNew(docs);
        }
        if (docs.isEmpty()) {
            return;
        }
        for (NotificationDocument doc : docs) {
            live.publish(topic(doc.recipient), NOTIFICATION, doc.id, 0, Map.of(), toNotification(doc));
        }
        events.publishEvent(new NotificationPosted(docs.stream().map(d -> new AccountId(d.recipient))
                .collect(java.util.stream.Collectors.toUnmodifiableSet())));
        List<String> ids = docs.stream().map(d -> d.id).toList();
        if (mailer.enabled()) {
            Thread.ofVirtual().name("notification-mail").start(() -> mailer.sendImmediate(ids));
        }
    }

    /** Inserts those not stored yet (unordered: one already there does not stop the rest); returns them. */
    private List<NotificationDocument> insertNew(List<NotificationDocument> docs) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NotificationDocument.class).insert(docs).execute();
            return docs;
        } catch (BulkOperationException e) {
            Set<Integer> failed = new java.util.HashSet<>();
            e.getErrors().forEach(error -> {
                if (error.getCode() != 11000) {
                    throw e;
                }
                failed.add(error.getIndex());
            });
            List<NotificationDocument> inserted = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (!failed.contains(i)) {
                    inserted.add(docs.get(i));
                }
            }
            return inserted;
        }
    }

    /** The live topic of one person's notifications (their open screens subscribe to it). */
    public static String topic(String accountId) {
        return "user:" + accountId;
    }

    /** Whether notifications can also go out by e-mail (an SMTP server is configured). */
    @PreAuthorize("isAuthenticated()")
    public boolean emailEnabled() {
        return mailer.enabled();
    }

    /** The signed-in user's e-mail choice for every kind of notification. */
    @PreAuthorize("isAuthenticated()")
    public Map<NotificationKind, EmailDelivery> emailPreferences() {
        String me = CurrentUser.require().accountId().value();
        Map<NotificationKind, EmailDelivery> result = new java.util.EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            result.put(kind, mailer.delivery(me, kind));
        }
        return result;
    }

    @PreAuthorize("isAuthenticated()")
    public void setEmailPreference(NotificationKind kind, EmailDelivery delivery) {
        if (kind == null || delivery == null) {
            throw new th.phakhi.shared.UserFacingException("validation.required");
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(CurrentUser.require().accountId().value())),
                new Update().set("email." + kind.name(), delivery), PreferencesDocument.class);
    }

    /** The signed-in user's notifications, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Notification> mine(int limit) {
        Query query = mine().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(Math.clamp(limit, 1, PAGE));
        return mongo.find(query, NotificationDocument.class).stream().map(NotificationService::toNotification).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public long unreadCount() {
        return mongo.count(mine().addCriteria(Criteria.where("readAt").is(null)), NotificationDocument.class);
    }

    /**
     * One of the signed-in user's notifications (empty for someone else's id) — for a node that
     * learnt of it through the change stream, where only its id travelled.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<Notification> mine(String id) {
        return Optional.ofNullable(mongo.findOne(mine().addCriteria(Criteria.where("_id").is(id)),
                NotificationDocument.class)).map(NotificationService::toNotification);
    }

    /** Marks one of the signed-in user's notifications read (someone else's id changes nothing). */
    @PreAuthorize("isAuthenticated()")
    public void markRead(String id) {
        if (mongo.updateFirst(mine().addCriteria(Criteria.where("_id").is(id)).addCriteria(Criteria.where("readAt")
                .is(null)), Update.update("readAt", clock.instant()), NotificationDocument.class).getModifiedCount() > 0) {
            announceRead();
        }
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        if (mongo.updateMulti(mine().addCriteria(Criteria.where("readAt").is(null)), Update.update("readAt",
                clock.instant()), NotificationDocument.class).getModifiedCount() > 0) {
            announceRead();
        }
    }

    /** The bell on every open screen of this person (phone and desktop alike) counts down. */
    private void announceRead() {
        String account = CurrentUser.require().accountId().value();
        live.publish(topic(account), READ, account, 0, Map.of());
    }

    static Notification toNotification(NotificationDocument d) {
        return new Notification(d.id, d.kind, d.messageKey, d.params == null ? List.of() : d.params, d.link,
                d.createdAt, d.readAt != null);
    }

    private static Query mine() {
        return Query.query(Criteria.where("recipient").is(CurrentUser.require().accountId().value()));
    }
}
