package th.phakhi.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.Person;
import th.phakhi.directory.PeopleService;
import th.phakhi.feed.FeedItem;
import th.phakhi.feed.FeedService;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.Link;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.mongo.Lease;
import th.phakhi.shared.Validation;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.text.Markdown;
import th.phakhi.training.internal.OccurrenceDocument;
import th.phakhi.training.internal.SeriesDocument;

/**
 * Scheduling and browsing a network's events: single events and recurring series (occurrences
 * expanded from an RFC 5545 rule by ical4j), details edited for the whole series, one occurrence
 * moved or cancelled on its own — with the people concerned told — and reminders sent once.
 */
@Service
public class TrainingService {

    public static final int MAX_TOPIC = 200;
    public static final int MAX_AGENDA = 10_000;
    public static final int MAX_SPEAKERS = 10;
    public static final int MAX_SPEAKER = 120;
    public static final int MAX_VENUE = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_CAPACITY = 10_000;
    public static final int MAX_MATERIALS = 10;
    public static final int MAX_CLOSE_HOURS = 720;
    public static final int MAX_REMINDER_HOURS = 336;
    public static final int MAX_REASON = 500;
    /** Live event type on an occurrence's topic (registration, attendance, changes). */
    public static final String CHANGED = "training";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);
    private static final DateTimeFormatter ORIGINAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    private final MongoTemplate mongo;
    private final TrainingAccess access;
    private final NetworkAccess networkAccess;
    private final NetworkService networks;
    private final PeopleService people;
    private final DirectoryAccess directoryAccess;
    private final NotificationService notifications;
    private final FeedService feed;
    private final AuditService audit;
    private final LiveEvents live;
    private final Clock clock;
    private final Seats seats;

    TrainingService(MongoTemplate mongo, Seats seats, TrainingAccess access, NetworkAccess networkAccess, NetworkService networks,
                    PeopleService people, DirectoryAccess directoryAccess, NotificationService notifications,
                    FeedService feed, AuditService audit, LiveEvents live, Clock clock) {
        this.mongo = mongo;
        this.seats = seats;
        this.access = access;
        this.networkAccess = networkAccess;
        this.networks = networks;
        this.people = people;
        this.directoryAccess = directoryAccess;
        this.notifications = notifications;
        this.feed = feed;
        this.audit = audit;
        this.live = live;
        this.clock = clock;
    }

    /** The live topic of one occurrence (its page, roster and counts). */
    public static String topic(OccurrenceId id) {
        return "training:" + id.value();
    }

    static String link(String occurrenceId) {
        return "trainings/" + occurrenceId;
    }

    // ------------------------------------------------------------------ scheduling

    /** Schedules a single event or a series; members are told and the network's feed shows it. */
    @PreAuthorize("@networkAccess.isSecretariat(#network)")
    public SeriesId schedule(NetworkId network, SeriesForm form) {
        Network net = networks.find(network);
        SeriesDocument series = new SeriesDocument();
        series.networkId = network.value();
        applyDetails(series, form);
        if (form.firstDate() == null || form.startTime() == null || form.endTime() == null) {
            throw new UserFacingException("training.error.when");
        }
        if (!form.endTime().isAfter(form.startTime())) {
            throw new UserFacingException("training.error.endBeforeStart");
        }
        Repeat repeat = form.repeat() == null ? Repeat.NONE : form.repeat();
        int count = repeat == Repeat.NONE ? 1 : Objects.requireNonNullElse(form.occurrences(), 0);
        if (count < 1 || count > Recurrences.MAX_OCCURRENCES) {
            throw new UserFacingException("training.error.occurrences", Recurrences.MAX_OCCURRENCES);
        }
        series.firstStart = form.firstDate().atTime(form.startTime());
        if (!series.firstStart.atZone(DateFormats.THAILAND).toInstant().isAfter(clock.instant())) {
            throw new UserFacingException("training.error.past");
        }
        series.durationMinutes = (int) Duration.between(form.startTime(), form.endTime()).toMinutes();
        series.repeat = repeat;
        series.rule = Recurrences.rule(repeat, form.firstDate(), count);
        List<LocalDateTime> starts = Recurrences.starts(series.rule, series.firstStart);
        series.createdByAccountId = CurrentUser.require().accountId().value();
        series.createdByName = CurrentUser.require().displayName();
        series.createdAt = clock.instant();
        series.id = new ObjectId().toHexString();
        mongo.insert(series);
        List<OccurrenceDocument> occurrences = new ArrayList<>();
        int number = 1;
        for (LocalDateTime start : starts) {
            OccurrenceDocument o = new OccurrenceDocument();
            o.id = series.id + "-" + ORIGINAL.format(start);
            o.seriesId = series.id;
            o.networkId = series.networkId;
            o.number = number++;
            o.originalStart = start.atZone(DateFormats.THAILAND).toInstant();
            o.capacity = series.capacity;
            place(o, series, o.originalStart);
            occurrences.add(o);
        }
        mongo.insertAll(occurrences);
        audit.record("network:" + network.value(), "audit.training.scheduled", Map.of("name", series.topic));
        String first = occurrences.getFirst().id;
        List<String> params = List.of(net.nameTh(), series.topic, Messages.when(occurrences.getFirst().start));
        List<AccountId> members = memberAccounts(network).stream()
                .filter(a -> !a.value().equals(series.createdByAccountId)).toList(); // the author knows
        SystemRunner.run(() -> {
            notifications.notify(members, NotificationKind.TRAINING, "notification.trainingScheduled",
                    params, link(first));
            feed.recordSystemEvent(network, FeedItem.Kind.TRAINING, "feed.training",
                    List.of(series.topic, Messages.when(occurrences.getFirst().start)), link(first));
        });
        return new SeriesId(series.id);
    }

    /** Changes what every occurrence shares (not the dates); people registered for upcoming ones are told. */
    @PreAuthorize("@trainingAccess.canManageSeries(#id)")
    public void updateDetails(SeriesId id, SeriesForm form) {
        SeriesDocument series = access.series(id).orElseThrow(() -> new UserFacingException("error.notFound"));
        applyDetails(series, form);
        series.editedAt = clock.instant();
        mongo.save(series);
        Instant now = clock.instant();
        Set<AccountId> told = new LinkedHashSet<>();
        for (OccurrenceDocument o : mongo.find(Query.query(Criteria.where("seriesId").is(series.id))
                .addCriteria(Criteria.where("end").gt(now)), OccurrenceDocument.class)) {
            Update update = new Update().set("capacity", series.capacity)
                    .set("registrationClosesAt", o.start.minus(Duration.ofHours(series.registrationCloseHours)))
                    .set("remindAt", series.reminderHours == 0 ? null : o.start.minus(Duration.ofHours(series.reminderHours)))
                    .inc("sequence", 1);
            mongo.updateFirst(byId(o.id), update, OccurrenceDocument.class);
            told.addAll(accountsOf(o, true));
            seats.promoteAndTell(o.id);
            changed(o.id);
        }
        audit.record("network:" + series.networkId, "audit.training.updated", Map.of("name", series.topic));
        SystemRunner.run(() -> notifications.notify(told, NotificationKind.TRAINING, "notification.trainingChanged",
                List.of(series.topic), null));
    }

    /** Moves one occurrence; the others stay. Everyone registered or waiting is told the new time. */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public void move(OccurrenceId id, LocalDate date, LocalTime startTime, LocalTime endTime) {
        OccurrenceDocument o = load(id);
        SeriesDocument series = access.series(new SeriesId(o.seriesId)).orElseThrow();
        if (o.cancelled) {
            throw new UserFacingException("training.error.cancelled");
        }
        if (date == null || startTime == null || endTime == null) {
            throw new UserFacingException("training.error.when");
        }
        if (!endTime.isAfter(startTime)) {
            throw new UserFacingException("training.error.endBeforeStart");
        }
        Instant start = date.atTime(startTime).atZone(DateFormats.THAILAND).toInstant();
        if (!start.isAfter(clock.instant())) {
            throw new UserFacingException("training.error.past");
        }
        Instant oldStart = o.start;
        OccurrenceDocument moved = new OccurrenceDocument();
        place(moved, series, start);
        moved.end = date.atTime(endTime).atZone(DateFormats.THAILAND).toInstant();
        Update update = new Update()
                .set("start", moved.start).set("end", moved.end).set("registrationClosesAt", moved.registrationClosesAt)
                .set("remindAt", moved.remindAt).set("moved", true).inc("sequence", 1);
        if (moved.remindAt != null && moved.remindAt.isAfter(clock.instant())) {
            update.set("reminderSentAt", null); // a reminder of the old time does not count for the new one
        }
        mongo.updateFirst(byId(o.id).addCriteria(Criteria.where("cancelled").is(false)), update, OccurrenceDocument.class);
        audit.record("network:" + o.networkId, "audit.training.moved", Map.of("name", series.topic));
        List<AccountId> told = accountsOf(o, true);
        SystemRunner.run(() -> notifications.notify(told, NotificationKind.TRAINING, "notification.trainingMoved",
                List.of(series.topic, Messages.when(oldStart), Messages.when(moved.start)), link(o.id)));
        changed(o.id);
    }

    /** Cancels one occurrence with a reason; everyone registered or waiting is told. */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public void cancel(OccurrenceId id, String reason) {
        String why = Validation.required(reason, MAX_REASON);
        OccurrenceDocument o = load(id);
        if (o.end.isBefore(clock.instant())) {
            throw new UserFacingException("training.error.over");
        }
        if (mongo.updateFirst(byId(o.id).addCriteria(Criteria.where("cancelled").is(false)), new Update()
                .set("cancelled", true).set("cancelReason", why).inc("sequence", 1), OccurrenceDocument.class)
                .getModifiedCount() == 0) {
            return;
        }
        SeriesDocument series = access.series(new SeriesId(o.seriesId)).orElseThrow();
        audit.record("network:" + o.networkId, "audit.training.cancelled", Map.of("name", series.topic));
        List<AccountId> told = accountsOf(o, true);
        SystemRunner.run(() -> notifications.notify(told, NotificationKind.TRAINING, "notification.trainingCancelled",
                List.of(series.topic, Messages.when(o.start), why), link(o.id)));
        changed(o.id);
    }

    // ------------------------------------------------------------------ reading

    /** One occurrence with its series' details and the signed-in user's standing. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public Occurrence find(OccurrenceId id) {
        OccurrenceDocument o = load(id);
        return views(List.of(o)).getFirst();
    }

    /**
     * Occurrences of the networks the signed-in user belongs to (or one of them), starting in
     * {@code [from, to)}, in time order; cancelled ones included (shown as cancelled).
     */
    @PreAuthorize("isAuthenticated()")
    public List<Occurrence> between(Optional<NetworkId> network, Instant from, Instant to) {
        List<String> networkIds = visibleNetworks(network);
        if (networkIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("networkId").in(networkIds))
                .addCriteria(Criteria.where("start").gte(from).lt(to))
                .with(Sort.by("start")).limit(500);
        return views(mongo.find(query, OccurrenceDocument.class));
    }

    /** Every occurrence of a series, in order. */
    @PreAuthorize("@trainingAccess.canViewSeries(#id)")
    public List<Occurrence> occurrences(SeriesId id) {
        return views(mongo.find(Query.query(Criteria.where("seriesId").is(id.value())).with(Sort.by("start")),
                OccurrenceDocument.class));
    }

    /** The series' form values, for editing its details. */
    @PreAuthorize("@trainingAccess.canManageSeries(#id)")
    public SeriesForm form(SeriesId id) {
        SeriesDocument s = access.series(id).orElseThrow(() -> new UserFacingException("error.notFound"));
        return new SeriesForm(s.type, s.topic, s.agenda, s.speakers, s.venue, s.address, s.mapUrl, s.onlineUrl,
                s.capacity, s.firstStart.toLocalDate(), s.firstStart.toLocalTime(),
                s.firstStart.toLocalTime().plusMinutes(s.durationMinutes), s.repeat,
                (int) mongo.count(Query.query(Criteria.where("seriesId").is(s.id)), OccurrenceDocument.class),
                s.registrationCloseHours, s.reminderHours, s.materials);
    }

    /** Networks in which the signed-in user may schedule (secretariat or administrator). */
    @PreAuthorize("isAuthenticated()")
    public List<Network> networksIManage() {
        return networks.myNetworks().stream().filter(n -> networkAccess.isSecretariat(n.id())).toList();
    }

    // ------------------------------------------------------------------ reminders (once)

    /**
     * Reminds registered people of occurrences starting soon: on every node every minute; each
     * occurrence once, even across crashes — claimed for a {@link Lease}, notifications keyed by
     * the occurrence and its start (a redo adds nothing; a moved occurrence gets a new reminder),
     * then marked sent. A node killed in between leaves the claim to expire (decision 009's pattern).
     */
    @Scheduled(fixedDelayString = "${phakhi.trainings.reminder-interval:PT1M}",
            initialDelayString = "${phakhi.trainings.reminder-initial-delay:PT20S}")
    public void sendDueReminders() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("reminderSentAt").is(null))
                .addCriteria(Criteria.where("remindAt").lte(now))
                .addCriteria(Criteria.where("start").gt(now))
                .addCriteria(Criteria.where("cancelled").is(false));
        due.fields().include("_id");
        for (OccurrenceDocument candidate : mongo.find(due, OccurrenceDocument.class)) {
            OccurrenceDocument o = mongo.findAndModify(byId(candidate.id).addCriteria(Criteria.where("reminderSentAt").is(null))
                            .addCriteria(Criteria.where("cancelled").is(false))
                            .addCriteria(Lease.free("reminderClaimUntil", now)),
                    Lease.take("reminderClaimUntil", now),
                    FindAndModifyOptions.options().returnNew(true), OccurrenceDocument.class);
            if (o == null) {
                continue;
            }
            SeriesDocument series = mongo.findById(o.seriesId, SeriesDocument.class);
            List<AccountId> registered = accountsOf(o, false);
            LOG.info("Reminding {} people of occurrence {}", registered.size(), o.id);
            SystemRunner.run(() -> notifications.notifyOnce("reminder-" + o.id + "-" + o.start.toEpochMilli(), registered,
                    NotificationKind.TRAINING, "notification.trainingReminder",
                    List.of(series == null ? "" : series.topic, Messages.when(o.start)), link(o.id)));
            mongo.updateFirst(byId(o.id), new Update().set("reminderSentAt", now).unset("reminderClaimUntil"),
                    OccurrenceDocument.class);
        }
    }

    // ------------------------------------------------------------------ helpers shared in the module

    OccurrenceDocument load(OccurrenceId id) {
        return access.occurrence(id).orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** Tells this occurrence's open pages (every node) to refresh. */
    void changed(String occurrenceId) {
        live.publish(topic(new OccurrenceId(occurrenceId)), CHANGED, occurrenceId, 0, Map.of());
    }

    List<AccountId> accountsOf(OccurrenceDocument o, boolean includeWaiting) {
        List<AccountId> accounts = new ArrayList<>();
        o.registrations.stream().map(e -> e.accountId).filter(Objects::nonNull).map(AccountId::new).forEach(accounts::add);
        if (includeWaiting) {
            o.waiting.stream().map(e -> e.accountId).filter(Objects::nonNull).map(AccountId::new).forEach(accounts::add);
        }
        return accounts;
    }

    private List<AccountId> memberAccounts(NetworkId network) {
        List<AccountId> accounts = new ArrayList<>();
        for (var organization : networks.memberOrganizations(network)) {
            people.peopleOf(organization).stream().map(Person::accountId).filter(Objects::nonNull).forEach(accounts::add);
        }
        return accounts;
    }

    /** Sets start, end, registration close and reminder of an occurrence starting at {@code start}. */
    private static void place(OccurrenceDocument o, SeriesDocument series, Instant start) {
        o.start = start;
        o.end = start.plus(Duration.ofMinutes(series.durationMinutes));
        o.registrationClosesAt = start.minus(Duration.ofHours(series.registrationCloseHours));
        o.remindAt = series.reminderHours == 0 ? null : start.minus(Duration.ofHours(series.reminderHours));
    }

    private void applyDetails(SeriesDocument s, SeriesForm form) {
        if (form.type() == null) {
            throw new UserFacingException("training.error.type");
        }
        s.type = form.type();
        s.topic = Validation.required(form.topic(), MAX_TOPIC);
        s.agenda = Validation.optional(form.agenda(), MAX_AGENDA);
        s.agendaHtml = s.agenda == null ? null : Markdown.toHtml(s.agenda);
        s.speakers = Validation.items(form.speakers(), MAX_SPEAKERS, MAX_SPEAKER);
        s.venue = Validation.optional(form.venue(), MAX_VENUE);
        s.address = Validation.optional(form.address(), MAX_ADDRESS);
        s.mapUrl = Link.url(form.mapUrl());
        s.onlineUrl = Link.url(form.onlineUrl());
        if (s.venue == null && s.onlineUrl == null) {
            throw new UserFacingException("training.error.where");
        }
        if (form.capacity() != null && (form.capacity() < 1 || form.capacity() > MAX_CAPACITY)) {
            throw new UserFacingException("training.error.capacity", MAX_CAPACITY);
        }
        s.capacity = form.capacity();
        int close = Objects.requireNonNullElse(form.registrationCloseHours(), 0);
        if (close < 0 || close > MAX_CLOSE_HOURS) {
            throw new UserFacingException("training.error.closeHours", MAX_CLOSE_HOURS);
        }
        s.registrationCloseHours = close;
        int remind = Objects.requireNonNullElse(form.reminderHours(), 24);
        if (remind < 0 || remind > MAX_REMINDER_HOURS) {
            throw new UserFacingException("training.error.reminderHours", MAX_REMINDER_HOURS);
        }
        s.reminderHours = remind;
        s.materials = Link.checked(form.materials(), MAX_MATERIALS);
    }

    private List<String> visibleNetworks(Optional<NetworkId> network) {
        if (network.isPresent()) {
            return access.canView(network.get()) ? List.of(network.get().value()) : List.of();
        }
        return networks.myNetworks().stream().map(n -> n.id().value()).toList();
    }

    /** Occurrence documents as the signed-in user sees them (series and network names joined in). */
    List<Occurrence> views(List<OccurrenceDocument> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        Map<String, SeriesDocument> series = mongo.find(Query.query(Criteria.where("_id")
                        .in(docs.stream().map(d -> d.seriesId).distinct().toList())), SeriesDocument.class)
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<String, Long> sizes = new java.util.HashMap<>();
        for (String seriesId : series.keySet()) {
            sizes.put(seriesId, mongo.count(Query.query(Criteria.where("seriesId").is(seriesId)), OccurrenceDocument.class));
        }
        Map<String, Network> nets = new java.util.HashMap<>();
        Map<String, Boolean> manage = new java.util.HashMap<>();
        Optional<String> me = directoryAccess.currentPerson().map(p -> p.id().value());
        List<Occurrence> out = new ArrayList<>();
        for (OccurrenceDocument o : docs) {
            SeriesDocument s = series.get(o.seriesId);
            if (s == null) {
                continue;
            }
            Network net = nets.computeIfAbsent(o.networkId, id -> SystemRunner.call(() -> networks.find(new NetworkId(id))));
            boolean canManage = manage.computeIfAbsent(o.networkId, id -> networkAccess.isSecretariat(new NetworkId(id)));
            RegistrationStatus status = RegistrationStatus.NONE;
            int waitingPosition = 0;
            if (me.isPresent()) {
                for (OccurrenceDocument.Entry e : o.registrations) {
                    if (e.personId.equals(me.get())) {
                        status = e.attendedAt != null ? RegistrationStatus.ATTENDED : RegistrationStatus.REGISTERED;
                    }
                }
                for (int i = 0; i < o.waiting.size(); i++) {
                    if (o.waiting.get(i).personId.equals(me.get())) {
                        status = RegistrationStatus.WAITING;
                        waitingPosition = i + 1;
                    }
                }
            }
            out.add(new Occurrence(new OccurrenceId(o.id), new SeriesId(s.id), new NetworkId(o.networkId), net.nameTh(),
                    o.number, sizes.getOrDefault(s.id, 1L).intValue(), s.type, s.topic, s.agenda, s.agendaHtml,
                    s.speakers, s.venue, s.address, s.mapUrl, s.onlineUrl, s.materials, o.start, o.end,
                    o.registrationClosesAt, o.moved, o.cancelled, o.cancelReason, o.capacity, o.registeredCount,
                    o.waiting.size(), status, waitingPosition, canManage, s.reminderHours, o.sequence));
        }
        return out;
    }

}
