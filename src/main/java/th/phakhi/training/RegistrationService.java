package th.phakhi.training;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.TranslationProvider;
import th.phakhi.shared.text.SpreadsheetCsv;
import th.phakhi.training.internal.OccurrenceDocument;

/**
 * Registration, the waiting list, the roster and attendance of occurrences, and each person's
 * learning record. Members register themselves or a colleague of their own organization; seats
 * are taken atomically ({@link Seats}); the secretariat checks people in or shows a code attendees
 * enter themselves while the event runs.
 */
@Service
public class RegistrationService {

    /** Self check-in opens this long before the start and closes at the end. */
    public static final Duration CHECK_IN_EARLY = Duration.ofMinutes(30);
    /** The secretariat may still record attendance this long after the end. */
    public static final Duration RECORD_LATE = Duration.ofDays(7);
    /** Wrong codes one person may enter for one occurrence. */
    public static final int MAX_CODE_FAILURES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Seats seats;
    private final TrainingService trainings;
    private final NetworkAccess networkAccess;
    private final NetworkService networks;
    private final DirectoryAccess directoryAccess;
    private final DirectoryService directory;
    private final PeopleService people;
    private final AuditService audit;
    private final Clock clock;

    RegistrationService(MongoTemplate mongo, Seats seats, TrainingService trainings, NetworkAccess networkAccess,
                        NetworkService networks, DirectoryAccess directoryAccess, DirectoryService directory,
                        PeopleService people, AuditService audit, Clock clock) {
        this.mongo = mongo;
        this.seats = seats;
        this.trainings = trainings;
        this.networkAccess = networkAccess;
        this.networks = networks;
        this.directoryAccess = directoryAccess;
        this.directory = directory;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ registering

    /**
     * Registers a person — the signed-in user or a colleague of their organization — for an
     * occurrence; when it is full they join the waiting list. Registering again changes nothing.
     */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public RegistrationStatus register(OccurrenceId id, PersonId person) {
        OccurrenceDocument o = trainings.load(id);
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("training.error.noPerson"));
        Person who = person == null || person.equals(me.id()) ? me : colleague(me, person);
        if (!networks.memberOrganizations(new NetworkId(o.networkId)).contains(who.organizationId())) {
            throw new UserFacingException("training.error.notMember");
        }
        if (o.cancelled) {
            throw new UserFacingException("training.error.cancelled");
        }
        if (!clock.instant().isBefore(o.registrationClosesAt)) {
            throw new UserFacingException("training.error.closed");
        }
        OccurrenceDocument.Entry entry = entry(who);
        entry.registeredByAccountId = CurrentUser.require().accountId().value();
        entry.registeredByName = me.fullName();
        Seats.Outcome outcome = seats.take(o, entry);
        if (outcome == Seats.Outcome.WAITING) {
            seats.promoteAndTell(o.id); // a seat may have come free between our read and our place in line
        }
        trainings.changed(o.id);
        return status(id, who.id());
    }

    /** Cancels a registration or a place in line: the person, a colleague of their organization, or the secretariat. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public void cancelRegistration(OccurrenceId id, PersonId person) {
        OccurrenceDocument o = trainings.load(id);
        Optional<Person> me = directoryAccess.currentPerson();
        boolean secretariat = networkAccess.isSecretariat(new NetworkId(o.networkId));
        Optional<OccurrenceDocument.Entry> entry = find(o, person.value());
        if (entry.isEmpty()) {
            return;
        }
        boolean sameOrganization = me.map(m -> m.organizationId().value().equals(entry.get().organizationId)).orElse(false);
        if (!secretariat && !sameOrganization) {
            throw new AccessDeniedException("not their registration");
        }
        if (!clock.instant().isBefore(o.start)) {
            throw new UserFacingException("training.error.started");
        }
        if (seats.release(o.id, person.value())) {
            seats.promoteAndTell(o.id);
            trainings.changed(o.id);
        }
    }

    /** Where a person stands for an occurrence. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public RegistrationStatus status(OccurrenceId id, PersonId person) {
        OccurrenceDocument o = trainings.load(id);
        return find(o, person.value()).map(e -> o.waiting.stream().anyMatch(w -> w.personId.equals(e.personId))
                ? RegistrationStatus.WAITING : e.attendedAt != null ? RegistrationStatus.ATTENDED
                : RegistrationStatus.REGISTERED).orElse(RegistrationStatus.NONE);
    }

    /** People of the signed-in user's organization, whom they may register. */
    @PreAuthorize("isAuthenticated()")
    public List<Person> colleagues() {
        return directoryAccess.currentOrganization().map(people::peopleOf).orElse(List.of()).stream()
                .sorted(Comparator.comparing(Person::firstName)).toList();
    }

    /** The people of the signed-in user's organization registered or waiting for an occurrence. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public List<RosterEntry> myOrganizationsEntries(OccurrenceId id) {
        OccurrenceDocument o = trainings.load(id);
        Optional<OrganizationId> mine = directoryAccess.currentOrganization();
        return roster(o).stream().filter(e -> mine.isPresent() && mine.get().equals(e.organizationId())).toList();
    }

    // ------------------------------------------------------------------ roster and attendance

    /** Everyone registered (by organization, then name), then the waiting list in order. */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public List<RosterEntry> roster(OccurrenceId id) {
        return roster(trainings.load(id));
    }

    /** The roster as CSV for spreadsheets (formula characters escaped). */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public String rosterCsv(OccurrenceId id, Locale locale) {
        OccurrenceDocument o = trainings.load(id);
        List<List<String>> rows = new ArrayList<>();
        for (RosterEntry e : roster(o)) {
            rows.add(Arrays.asList(e.organizationName(), e.personName(),
                    e.waiting() ? TranslationProvider.translate("training.waitingPosition", locale, e.waitingPosition())
                            : TranslationProvider.translate(RegistrationStatus.REGISTERED.nameKey(), locale),
                    DateFormats.dateTime(e.registeredAt(), locale), e.registeredByName(),
                    e.attendedAt() == null ? "" : DateFormats.dateTime(e.attendedAt(), locale)));
        }
        audit.record("network:" + o.networkId, "audit.training.exported", Map.of("name", topicOf(o)));
        List<String> header = java.util.stream.Stream.of("organization", "name", "status", "registeredAt", "registeredBy", "attendedAt")
                .map(column -> TranslationProvider.translate("training.csv." + column, locale)).toList();
        return SpreadsheetCsv.write(header, rows);
    }

    /** The secretariat marks a registered person present or not present. */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public void setAttended(OccurrenceId id, PersonId person, boolean present) {
        OccurrenceDocument o = trainings.load(id);
        requireRecordingWindow(o);
        Query query = Query.query(Criteria.where("_id").is(o.id))
                .addCriteria(Criteria.where("registrations.personId").is(person.value()));
        Update update = present
                ? new Update().set("registrations.$.attendedAt", clock.instant())
                        .set("registrations.$.checkedInBy", CurrentUser.require().displayName())
                : new Update().unset("registrations.$.attendedAt").unset("registrations.$.checkedInBy");
        if (mongo.updateFirst(query, update, OccurrenceDocument.class).getMatchedCount() == 0) {
            throw new UserFacingException("training.error.notRegistered");
        }
        trainings.changed(o.id);
    }

    /** The secretariat records someone who came without registering (seats do not limit who is in the room). */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public void addWalkIn(OccurrenceId id, PersonId person) {
        OccurrenceDocument o = trainings.load(id);
        requireRecordingWindow(o);
        Person who = SystemRunner.call(() -> people.find(person)).orElseThrow(() -> new UserFacingException("error.notFound"));
        if (!networks.memberOrganizations(new NetworkId(o.networkId)).contains(who.organizationId())) {
            throw new UserFacingException("training.error.notMember");
        }
        walkIn(o, who, CurrentUser.require().displayName());
        if (!setAttendedIfRegistered(o.id, who.id())) {
            throw new UserFacingException("training.error.notRegistered");
        }
        trainings.changed(o.id);
    }

    /** The occurrence's self check-in code (made on first request), for the secretariat to show. */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public String checkInCode(OccurrenceId id) {
        OccurrenceDocument o = trainings.load(id);
        if (o.checkInCode != null) {
            return o.checkInCode;
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(o.id)).addCriteria(Criteria.where("checkInCode").is(null)),
                Update.update("checkInCode", code), OccurrenceDocument.class);
        return trainings.load(id).checkInCode;
    }

    /**
     * An attendee checks themselves in with the code shown in the room — only while the event runs
     * (from {@link #CHECK_IN_EARLY} before the start to the end). A member who did not register is
     * recorded as a walk-in. After {@link #MAX_CODE_FAILURES} wrong codes the person must ask the
     * secretariat.
     */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public void checkInWithCode(OccurrenceId id, String code) {
        OccurrenceDocument o = trainings.load(id);
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("training.error.noPerson"));
        Instant now = clock.instant();
        if (o.cancelled) {
            throw new UserFacingException("training.error.cancelled");
        }
        if (now.isBefore(o.start.minus(CHECK_IN_EARLY)) || !now.isBefore(o.end)) {
            throw new UserFacingException("training.error.checkInClosed");
        }
        if (o.codeFailures.getOrDefault(me.id().value(), 0) >= MAX_CODE_FAILURES) {
            throw new UserFacingException("training.error.tooManyCodes");
        }
        String typed = code == null ? "" : code.strip();
        if (o.checkInCode == null || !java.security.MessageDigest.isEqual(o.checkInCode.getBytes(), typed.getBytes())) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(o.id)), new Update().inc("codeFailures." + me.id().value(), 1),
                    OccurrenceDocument.class);
            throw new UserFacingException("training.error.wrongCode");
        }
        if (!networks.memberOrganizations(new NetworkId(o.networkId)).contains(me.organizationId())) {
            throw new UserFacingException("training.error.notMember");
        }
        walkIn(o, me, me.fullName());
        setAttendedIfRegistered(o.id, me.id());
        trainings.changed(o.id);
    }

    /** Attendance of the network's past occurrences, per occurrence and per organization. */
    @PreAuthorize("@networkAccess.isSecretariat(#network)")
    public AttendanceReport attendance(NetworkId network) {
        Instant now = clock.instant();
        List<OccurrenceDocument> past = mongo.find(Query.query(Criteria.where("networkId").is(network.value()))
                .addCriteria(Criteria.where("start").lt(now)).addCriteria(Criteria.where("cancelled").is(false))
                .with(Sort.by(Sort.Direction.DESC, "start")).limit(500), OccurrenceDocument.class);
        Map<String, String> topics = new LinkedHashMap<>();
        List<AttendanceReport.ByOccurrence> byOccurrence = new ArrayList<>();
        Map<String, int[]> byOrganization = new LinkedHashMap<>();
        Map<String, String> organizationNames = new LinkedHashMap<>();
        for (OccurrenceDocument o : past) {
            String topic = topics.computeIfAbsent(o.seriesId, s -> topicOf(o));
            int attended = (int) o.registrations.stream().filter(e -> e.attendedAt != null).count();
            byOccurrence.add(new AttendanceReport.ByOccurrence(new OccurrenceId(o.id), topic, o.start,
                    o.registrations.size(), attended));
            for (OccurrenceDocument.Entry e : o.registrations) {
                int[] counts = byOrganization.computeIfAbsent(e.organizationId, k -> new int[2]);
                counts[0]++;
                if (e.attendedAt != null) {
                    counts[1]++;
                }
                organizationNames.put(e.organizationId, e.organizationName);
            }
        }
        List<AttendanceReport.ByOrganization> organizations = byOrganization.entrySet().stream()
                .map(en -> new AttendanceReport.ByOrganization(new OrganizationId(en.getKey()),
                        organizationNames.get(en.getKey()), en.getValue()[0], en.getValue()[1]))
                .sorted(Comparator.comparing(AttendanceReport.ByOrganization::name, Comparator.nullsLast(String::compareTo)))
                .toList();
        return new AttendanceReport(byOccurrence, organizations);
    }

    // ------------------------------------------------------------------ the learning record

    /** The signed-in person's registrations, newest first, across all networks. */
    @PreAuthorize("isAuthenticated()")
    public List<LearningEntry> myRecord() {
        Optional<Person> me = directoryAccess.currentPerson();
        if (me.isEmpty()) {
            return List.of();
        }
        String personId = me.get().id().value();
        List<OccurrenceDocument> docs = mongo.find(Query.query(new Criteria().orOperator(
                        Criteria.where("registrations.personId").is(personId), Criteria.where("waiting.personId").is(personId)))
                .with(Sort.by(Sort.Direction.DESC, "start")).limit(1000), OccurrenceDocument.class);
        Instant now = clock.instant();
        List<LearningEntry> out = new ArrayList<>();
        for (Occurrence occurrence : trainings.views(docs)) {
            RegistrationStatus status = statusFor(docs, occurrence.id().value(), personId);
            out.add(new LearningEntry(occurrence, status));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private RegistrationStatus statusFor(List<OccurrenceDocument> docs, String occurrenceId, String personId) {
        OccurrenceDocument o = docs.stream().filter(d -> d.id.equals(occurrenceId)).findFirst().orElseThrow();
        if (o.waiting.stream().anyMatch(e -> e.personId.equals(personId))) {
            return RegistrationStatus.WAITING;
        }
        return o.registrations.stream().filter(e -> e.personId.equals(personId)).findFirst()
                .map(e -> e.attendedAt != null ? RegistrationStatus.ATTENDED : RegistrationStatus.REGISTERED)
                .orElse(RegistrationStatus.NONE);
    }

    private Person colleague(Person me, PersonId person) {
        Person who = people.find(person).orElseThrow(() -> new UserFacingException("error.notFound"));
        if (!who.organizationId().equals(me.organizationId())) {
            throw new UserFacingException("training.error.notColleague");
        }
        return who;
    }

    private OccurrenceDocument.Entry entry(Person who) {
        OccurrenceDocument.Entry entry = new OccurrenceDocument.Entry();
        entry.personId = who.id().value();
        entry.accountId = who.accountId() == null ? null : who.accountId().value();
        entry.personName = who.fullName();
        entry.organizationId = who.organizationId().value();
        entry.organizationName = SystemRunner.call(() -> directory.find(who.organizationId()))
                .map(Organization::nameTh).orElse("");
        entry.at = clock.instant();
        return entry;
    }

    /** Puts a person who is present into the registrations if they are not there (no seat limit: they are in the room). */
    private void walkIn(OccurrenceDocument o, Person who, String by) {
        OccurrenceDocument.Entry entry = entry(who);
        entry.registeredByAccountId = CurrentUser.require().accountId().value();
        entry.registeredByName = by;
        entry.walkIn = true;
        Query notIn = Query.query(Criteria.where("_id").is(o.id))
                .addCriteria(Criteria.where("registrations.personId").ne(who.id().value()));
        if (mongo.updateFirst(notIn, new Update().push("registrations", entry).inc("registeredCount", 1),
                OccurrenceDocument.class).getModifiedCount() > 0) {
            // Someone in line who walked in has their seat now; their place in line goes.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(o.id)),
                    new Update().pull("waiting", new org.bson.Document("personId", who.id().value())), OccurrenceDocument.class);
        }
    }

    private boolean setAttendedIfRegistered(String occurrenceId, PersonId person) {
        Query query = Query.query(Criteria.where("_id").is(occurrenceId))
                .addCriteria(Criteria.where("registrations.personId").is(person.value()));
        return mongo.updateFirst(query, new Update().set("registrations.$.attendedAt", clock.instant())
                .set("registrations.$.checkedInBy", CurrentUser.require().displayName()), OccurrenceDocument.class)
                .getMatchedCount() > 0;
    }

    private void requireRecordingWindow(OccurrenceDocument o) {
        Instant now = clock.instant();
        if (o.cancelled) {
            throw new UserFacingException("training.error.cancelled");
        }
        if (now.isBefore(o.start.minus(Duration.ofHours(2))) || now.isAfter(o.end.plus(RECORD_LATE))) {
            throw new UserFacingException("training.error.recordingClosed");
        }
    }

    private Optional<OccurrenceDocument.Entry> find(OccurrenceDocument o, String personId) {
        return java.util.stream.Stream.concat(o.registrations.stream(), o.waiting.stream())
                .filter(e -> Objects.equals(e.personId, personId)).findFirst();
    }

    private List<RosterEntry> roster(OccurrenceDocument o) {
        List<RosterEntry> out = new ArrayList<>();
        o.registrations.stream()
                .sorted(Comparator.comparing((OccurrenceDocument.Entry e) -> e.organizationName == null ? "" : e.organizationName)
                        .thenComparing(e -> e.personName == null ? "" : e.personName))
                .forEach(e -> out.add(rosterEntry(e, 0)));
        for (int i = 0; i < o.waiting.size(); i++) {
            out.add(rosterEntry(o.waiting.get(i), i + 1));
        }
        return out;
    }

    private static RosterEntry rosterEntry(OccurrenceDocument.Entry e, int waitingPosition) {
        return new RosterEntry(new PersonId(e.personId), e.personName, new OrganizationId(e.organizationId),
                e.organizationName, e.registeredByName, e.at, waitingPosition, e.attendedAt, e.walkIn);
    }

    private String topicOf(OccurrenceDocument o) {
        var series = mongo.findById(o.seriesId, th.phakhi.training.internal.SeriesDocument.class);
        return series == null ? "" : series.topic;
    }
}
