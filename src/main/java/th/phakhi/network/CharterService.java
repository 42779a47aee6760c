package th.phakhi.network;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.network.internal.NetworkDocument;
import th.phakhi.network.internal.NetworkStore;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;

/**
 * The network's charter (vision and ordered goals) and operating structure (positions held by
 * people of member organizations). Administrators change them; every change is a new version in
 * the history members read — written in the same atomic update as the change itself.
 */
@Service
public class CharterService {

    public static final int MAX_VISION = 2000;
    public static final int MAX_GOALS = 20;
    public static final int MAX_GOAL = 300;

    private final NetworkStore store;
    private final PeopleService people;
    private final AuditService audit;
    private final NotificationService notifications;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CharterService(NetworkStore store, PeopleService people, AuditService audit, NotificationService notifications,
                   MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.people = people;
        this.audit = audit;
        this.notifications = notifications;
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Saves a new vision and goals. {@code expectedVersion} is the version the editor started
     * from: if someone saved in between, nothing is overwritten and the editor is asked to reload.
     */
    @PreAuthorize("@networkAccess.isAdministrator(#id)")
    public Charter updateCharter(NetworkId id, String vision, List<String> goals, int expectedVersion) {
        String newVision = Validation.optional(vision, MAX_VISION);
        List<String> newGoals = goals(goals);
        NetworkDocument network = store.find(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
        NetworkDocument.CharterEntry current = network.charter == null ? new NetworkDocument.CharterEntry() : network.charter;
        List<NetworkDocument.ChangeEntry> changes = diff(current.vision, current.goals, newVision, newGoals);
        if (changes.isEmpty()) {
            return NetworkService.charter(network);
        }
        PhakhiUser user = CurrentUser.require();
        Instant now = clock.instant();
        NetworkDocument.CharterEntry next = new NetworkDocument.CharterEntry();
        next.vision = newVision;
        next.goals = newGoals;
        next.version = expectedVersion + 1;
        next.updatedAt = now;
        next.updatedBy = user.accountId().value();
        next.updatedByName = user.displayName();
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())
                        .and("charter.version").is(expectedVersion)),
                new Update().set("charter", next).push("charterHistory", history(next.version, user, now, changes,
                        newVision, newGoals)).set("updatedAt", now),
                NetworkDocument.class);
        if (result.getModifiedCount() == 0) {
            throw new UserFacingException("network.error.charterConflict");
        }
        audit.record(NetworkService.scope(id), "audit.network.charterChanged", Map.of("version",
                String.valueOf(next.version)));
        events.publishEvent(new NetworkEvents.CharterChanged(id, next.version));
        return new Charter(newVision, newGoals, next.version, now, user.displayName());
    }

    /** Gives a person of a member organization a position; a chair or secretary-general replaces the holder. */
    @PreAuthorize("@networkAccess.isAdministrator(#id)")
    public void assignPosition(NetworkId id, NetworkPosition position, PersonId personId) {
        if (position == null || personId == null) {
            throw new UserFacingException("validation.required");
        }
        NetworkDocument network = store.find(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
        Person person = people.people(List.of(personId)).stream().findFirst()
                .orElseThrow(() -> new UserFacingException("error.notFound"));
        if (!network.hasMember(person.organizationId().value())) {
            throw new UserFacingException("network.error.positionOutsideMembers");
        }
        boolean held = network.positionsOrEmpty().stream()
                .anyMatch(p -> p.position == position && p.personId.equals(personId.value()));
        if (held) {
            return;
        }
        PhakhiUser user = CurrentUser.require();
        Instant now = clock.instant();
        NetworkDocument.PositionEntry entry = new NetworkDocument.PositionEntry();
        entry.id = UUID.randomUUID().toString();
        entry.position = position;
        entry.personId = personId.value();
        entry.organizationId = person.organizationId().value();
        entry.since = now;
        List<NetworkDocument.ChangeEntry> changes = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        if (position.single()) {
            network.positionsOrEmpty().stream().filter(p -> p.position == position)
                    .forEach(p -> replaced.add(p.personId));
        }
        changes.add(new NetworkDocument.ChangeEntry("network.history.positionAssigned",
                List.of("#" + position.nameKey(), person.fullName())));
        List<NetworkDocument.PositionEntry> positions = new ArrayList<>(network.positionsOrEmpty());
        if (position.single()) {
            positions.removeIf(p -> p.position == position);
        }
        positions.add(entry);
        structureChange(id, network, user, now, changes, positions);
        audit.record(NetworkService.scope(id), "audit.network.positionAssigned",
                Map.of("position", position.name(), "person", person.fullName()));
        if (person.accountId() != null) {
            notifications.notify(List.of(person.accountId()), NotificationKind.CHARTER, "notification.positionAssigned",
                    List.of("#" + position.nameKey(), network.nameTh), "networks/" + id.value());
        }
        events.publishEvent(new NetworkEvents.StructureChanged(id));
    }

    /** Ends someone's position. */
    @PreAuthorize("@networkAccess.isAdministrator(#id)")
    public void removePosition(NetworkId id, String positionId) {
        NetworkDocument network = store.find(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
        NetworkDocument.PositionEntry entry = network.positionsOrEmpty().stream()
                .filter(p -> Objects.equals(p.id, positionId)).findFirst()
                .orElseThrow(() -> new UserFacingException("error.notFound"));
        String name = people.people(List.of(new PersonId(entry.personId))).stream().findFirst()
                .map(Person::fullName).orElse("");
        PhakhiUser user = CurrentUser.require();
        Instant now = clock.instant();
        List<NetworkDocument.PositionEntry> positions = new ArrayList<>(network.positionsOrEmpty());
        positions.removeIf(p -> Objects.equals(p.id, positionId));
        structureChange(id, network, user, now, List.of(new NetworkDocument.ChangeEntry(
                "network.history.positionEnded", List.of("#" + entry.position.nameKey(), name))), positions);
        audit.record(NetworkService.scope(id), "audit.network.positionEnded",
                Map.of("position", entry.position.name(), "person", name));
        events.publishEvent(new NetworkEvents.StructureChanged(id));
    }

    /** Every version of the charter and structure, newest first: members read it. */
    @PreAuthorize("@networkAccess.canReadHistory(#id)")
    public List<CharterChange> history(NetworkId id) {
        NetworkDocument network = store.findWithHistory(id.value())
                .orElseThrow(() -> new UserFacingException("error.notFound"));
        List<CharterChange> history = new ArrayList<>();
        for (NetworkDocument.HistoryEntry h : network.charterHistory == null ? List.<NetworkDocument.HistoryEntry>of()
                : network.charterHistory) {
            history.add(new CharterChange(h.version, h.at, h.byName,
                    h.changes.stream().map(c -> new CharterChange.Change(c.key, c.params)).toList(), h.vision, h.goals));
        }
        return history.reversed();
    }

    /**
     * A structure change is a charter version too (same text, next number): the new positions,
     * the version and its history entry are one update, guarded by the version read, so two
     * administrators editing at once cannot lose each other's change.
     */
    private void structureChange(NetworkId id, NetworkDocument network, PhakhiUser user, Instant now,
                                 List<NetworkDocument.ChangeEntry> changes,
                                 List<NetworkDocument.PositionEntry> positions) {
        NetworkDocument.CharterEntry current = network.charter == null ? new NetworkDocument.CharterEntry() : network.charter;
        int next = current.version + 1;
        Update update = new Update().set("charter.version", next).set("charter.updatedAt", now)
                .set("charter.updatedBy", user.accountId().value()).set("charter.updatedByName", user.displayName())
                .push("charterHistory", history(next, user, now, changes, current.vision, current.goals))
                .set("positions", positions)
                .set("updatedAt", now);
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())
                .and("charter.version").is(current.version)), update, NetworkDocument.class);
        if (result.getModifiedCount() == 0) {
            throw new UserFacingException("network.error.charterConflict");
        }
    }

    private static NetworkDocument.HistoryEntry history(int version, PhakhiUser user, Instant now,
                                                        List<NetworkDocument.ChangeEntry> changes, String vision,
                                                        List<String> goals) {
        NetworkDocument.HistoryEntry entry = new NetworkDocument.HistoryEntry();
        entry.version = version;
        entry.at = now;
        entry.by = user.accountId().value();
        entry.byName = user.displayName();
        entry.changes = new ArrayList<>(changes);
        entry.vision = vision;
        entry.goals = goals == null ? new ArrayList<>() : new ArrayList<>(goals);
        return entry;
    }

    /** What changed, in words a member reads: vision changed, goal n added / removed / changed / moved. */
    static List<NetworkDocument.ChangeEntry> diff(String oldVision, List<String> oldGoals, String newVision,
                                                  List<String> newGoals) {
        List<NetworkDocument.ChangeEntry> changes = new ArrayList<>();
        if (!Objects.equals(oldVision, newVision)) {
            changes.add(new NetworkDocument.ChangeEntry("network.history.visionChanged", List.of()));
        }
        List<String> before = oldGoals == null ? List.of() : oldGoals;
        for (int i = 0; i < newGoals.size(); i++) {
            String goal = newGoals.get(i);
            int was = before.indexOf(goal);
            if (was < 0) {
                if (i < before.size() && !newGoals.contains(before.get(i))) {
                    changes.add(new NetworkDocument.ChangeEntry("network.history.goalChanged",
                            List.of(String.valueOf(i + 1), goal)));
                } else {
                    changes.add(new NetworkDocument.ChangeEntry("network.history.goalAdded",
                            List.of(String.valueOf(i + 1), goal)));
                }
            } else if (was != i) {
                changes.add(new NetworkDocument.ChangeEntry("network.history.goalMoved",
                        List.of(String.valueOf(was + 1), String.valueOf(i + 1), goal)));
            }
        }
        for (int i = 0; i < before.size(); i++) {
            String goal = before.get(i);
            boolean replacedInPlace = i < newGoals.size() && !before.contains(newGoals.get(i));
            if (!newGoals.contains(goal) && !replacedInPlace) {
                changes.add(new NetworkDocument.ChangeEntry("network.history.goalRemoved",
                        List.of(String.valueOf(i + 1), goal)));
            }
        }
        return changes;
    }

    private static List<String> goals(List<String> goals) {
        if (goals == null) {
            return new ArrayList<>();
        }
        List<String> clean = new ArrayList<>();
        for (String goal : goals) {
            if (goal != null && !goal.isBlank()) {
                clean.add(Validation.required(goal, MAX_GOAL));
            }
        }
        if (clean.size() > MAX_GOALS) {
            throw new UserFacingException("network.error.tooManyGoals", MAX_GOALS);
        }
        return clean;
    }
}
