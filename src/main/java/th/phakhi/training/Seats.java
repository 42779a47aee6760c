package th.phakhi.training;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountId;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.training.internal.OccurrenceDocument;
import th.phakhi.training.internal.SeriesDocument;

/**
 * The seats of one occurrence, changed only by single-document atomic updates (no transactions):
 * a seat is taken by an update whose condition is "fewer registered than the capacity, and this
 * person not yet in"; a freed seat goes to the first on the waiting list by an update whose
 * condition is "that person is still first and the count is what we read". Fifty people pressing at
 * once for ten seats: ten registered, forty waiting, in the order the database applied them.
 */
@Component
class Seats {

    enum Outcome { REGISTERED, WAITING, ALREADY }

    private static final int MAX_ATTEMPTS = 100;

    private final MongoTemplate mongo;
    private final NotificationService notifications;
    private final Clock clock;

    Seats(MongoTemplate mongo, NotificationService notifications, Clock clock) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Fills free seats from the waiting list and tells each promoted person (and who registered them). */
    void promoteAndTell(String occurrenceId) {
        List<OccurrenceDocument.Entry> promoted = promote(occurrenceId, clock.instant());
        if (promoted.isEmpty()) {
            return;
        }
        OccurrenceDocument o = mongo.findById(occurrenceId, OccurrenceDocument.class);
        SeriesDocument series = o == null ? null : mongo.findById(o.seriesId, SeriesDocument.class);
        if (series == null) {
            return;
        }
        for (OccurrenceDocument.Entry entry : promoted) {
            Set<AccountId> told = new LinkedHashSet<>();
            if (entry.accountId != null) {
                told.add(new AccountId(entry.accountId));
            }
            if (entry.registeredByAccountId != null) {
                told.add(new AccountId(entry.registeredByAccountId));
            }
            SystemRunner.run(() -> notifications.notify(told, NotificationKind.TRAINING, "notification.trainingPromoted",
                    List.of(entry.personName, series.topic, Messages.when(o.start)), TrainingService.link(o.id)));
        }
    }

    /** Takes a seat, or a place on the waiting list when the occurrence is full. */
    Outcome take(OccurrenceDocument read, OccurrenceDocument.Entry entry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            OccurrenceDocument o = attempt == 0 ? read : mongo.findById(read.id, OccurrenceDocument.class);
            if (o == null || o.cancelled) {
                return Outcome.ALREADY;
            }
            if (o.capacity == null || o.registeredCount < o.capacity) {
                Query seat = notYetIn(o.id, entry.personId).addCriteria(Criteria.where("capacity").is(o.capacity));
                if (o.capacity != null) {
                    seat.addCriteria(Criteria.where("registeredCount").lt(o.capacity));
                }
                if (mongo.updateFirst(seat, new Update().push("registrations", entry).inc("registeredCount", 1),
                        OccurrenceDocument.class).getModifiedCount() > 0) {
                    return Outcome.REGISTERED;
                }
            } else {
                // Full as read: wait in line, unless a seat came free meanwhile (then try again).
                Query line = notYetIn(o.id, entry.personId).addCriteria(Criteria.where("capacity").is(o.capacity))
                        .addCriteria(Criteria.where("registeredCount").gte(o.capacity));
                if (mongo.updateFirst(line, new Update().push("waiting", entry), OccurrenceDocument.class)
                        .getModifiedCount() > 0) {
                    return Outcome.WAITING;
                }
            }
            if (mongo.exists(Query.query(Criteria.where("_id").is(o.id)).addCriteria(new Criteria().orOperator(
                    Criteria.where("registrations.personId").is(entry.personId),
                    Criteria.where("waiting.personId").is(entry.personId))), OccurrenceDocument.class)) {
                return Outcome.ALREADY;
            }
        }
        throw new IllegalStateException("Could not register after " + MAX_ATTEMPTS + " attempts: " + read.id);
    }

    /** Gives up a seat or a place in line; true if the person had one. */
    boolean release(String occurrenceId, String personId) {
        Query registered = Query.query(Criteria.where("_id").is(occurrenceId))
                .addCriteria(Criteria.where("registrations.personId").is(personId));
        if (mongo.updateFirst(registered, new Update().pull("registrations", new Document("personId", personId))
                .inc("registeredCount", -1), OccurrenceDocument.class).getModifiedCount() > 0) {
            return true;
        }
        Query waiting = Query.query(Criteria.where("_id").is(occurrenceId))
                .addCriteria(Criteria.where("waiting.personId").is(personId));
        return mongo.updateFirst(waiting, new Update().pull("waiting", new Document("personId", personId)),
                OccurrenceDocument.class).getModifiedCount() > 0;
    }

    /** Moves people from the front of the waiting list into free seats; returns who got one, in order. */
    List<OccurrenceDocument.Entry> promote(String occurrenceId, java.time.Instant now) {
        List<OccurrenceDocument.Entry> promoted = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            OccurrenceDocument o = mongo.findById(occurrenceId, OccurrenceDocument.class);
            if (o == null || o.cancelled || o.waiting.isEmpty() || !o.start.isAfter(now)
                    || (o.capacity != null && o.registeredCount >= o.capacity)) {
                return promoted;
            }
            OccurrenceDocument.Entry first = o.waiting.getFirst();
            Query q = Query.query(Criteria.where("_id").is(o.id))
                    .addCriteria(Criteria.where("registeredCount").is(o.registeredCount))
                    .addCriteria(Criteria.where("waiting.0.personId").is(first.personId));
            if (mongo.updateFirst(q, new Update().pop("waiting", Update.Position.FIRST).push("registrations", first)
                    .inc("registeredCount", 1), OccurrenceDocument.class).getModifiedCount() > 0) {
                promoted.add(first);
            }
        }
        return promoted;
    }

    private static Query notYetIn(String occurrenceId, String personId) {
        return Query.query(Criteria.where("_id").is(occurrenceId))
                .addCriteria(Criteria.where("cancelled").is(false))
                .addCriteria(Criteria.where("registrations.personId").ne(personId))
                .addCriteria(Criteria.where("waiting.personId").ne(personId));
    }
}
