package th.phakhi.training;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.ApiTokenService;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.i18n.TranslationProvider;
import th.phakhi.training.internal.OccurrenceDocument;

/**
 * iCalendar (RFC 5545) for calendar apps: a personal feed of the events a person registered for,
 * a feed per network, both behind the person's secret address (which they can regenerate, and
 * which shows only what that person may see at the moment of each fetch), and a {@code .ics} file
 * per occurrence. Each occurrence is its own VEVENT (UID = occurrence id, times in UTC, SEQUENCE
 * raised on every change, STATUS:CANCELLED when cancelled) linking back to its page.
 */
@Service
public class CalendarService {

    /** Scope of the secret in the calendar address. */
    public static final String SCOPE = "cal";
    /** How far back feeds reach. */
    public static final Duration HISTORY = Duration.ofDays(90);

    private final MongoTemplate mongo;
    private final TrainingService trainings;
    private final ApiTokenService tokens;
    private final NetworkAccess networkAccess;
    private final NetworkService networks;
    private final DirectoryAccess directoryAccess;
    private final AccountService accounts;
    private final Clock clock;
    private final String baseUrl;

    CalendarService(MongoTemplate mongo, TrainingService trainings, ApiTokenService tokens, NetworkAccess networkAccess,
                    NetworkService networks, DirectoryAccess directoryAccess, AccountService accounts, Clock clock,
                    @Value("${phakhi.base-url:http://localhost:8080}") String baseUrl) {
        this.mongo = mongo;
        this.trainings = trainings;
        this.tokens = tokens;
        this.networkAccess = networkAccess;
        this.networks = networks;
        this.directoryAccess = directoryAccess;
        this.accounts = accounts;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    // ------------------------------------------------------------------ the secret address

    /** Makes a new secret address (the old one stops working) and returns the personal feed's URL. */
    @PreAuthorize("isAuthenticated()")
    public String newSecretAddress() {
        return personalFeedUrl(tokens.replaceScopedSecret(SCOPE));
    }

    /** When the signed-in user's current secret address was made, if they have one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Instant> secretAddressCreated() {
        return tokens.scopedSecretCreated(SCOPE);
    }

    /** Turns the secret address off. */
    @PreAuthorize("isAuthenticated()")
    public void removeSecretAddress() {
        tokens.removeScopedSecret(SCOPE);
    }

    public String personalFeedUrl(String secret) {
        return baseUrl + "calendar/" + secret + "/mine.ics";
    }

    public String networkFeedUrl(String secret, NetworkId network) {
        return baseUrl + "calendar/" + secret + "/networks/" + network.value() + ".ics";
    }

    // ------------------------------------------------------------------ feeds

    /**
     * The personal feed of the secret's owner: what they registered for or wait for. Callable
     * without signing in — the secret is the credential; empty when it is unknown or replaced.
     */
    @PreAuthorize("permitAll()")
    public Optional<String> personalFeed(String secret) {
        return tokens.authenticateScoped(SCOPE, secret).map(owner -> as(owner, () -> {
            Locale locale = localeOf(owner);
            Optional<String> personId = directoryAccess.currentPerson().map(p -> p.id().value());
            List<OccurrenceDocument> docs = personId.map(p -> mongo.find(Query.query(new Criteria().orOperator(
                            Criteria.where("registrations.personId").is(p), Criteria.where("waiting.personId").is(p)))
                    .addCriteria(Criteria.where("start").gte(clock.instant().minus(HISTORY)))
                    .with(Sort.by("start")).limit(500), OccurrenceDocument.class)).orElse(List.of());
            return write(calendar(TranslationProvider.translate("calendar.mine", locale), trainings.views(docs), locale));
        }));
    }

    /**
     * A network's feed for the secret's owner, while they are a member or its secretariat; empty
     * otherwise (and for an unknown or replaced secret).
     */
    @PreAuthorize("permitAll()")
    public Optional<String> networkFeed(String secret, NetworkId network) {
        return tokens.authenticateScoped(SCOPE, secret).flatMap(owner -> as(owner, () -> {
            if (!networkAccess.isMember(network) && !networkAccess.isSecretariat(network)) {
                return Optional.<String>empty();
            }
            Instant from = clock.instant().minus(HISTORY);
            List<Occurrence> occurrences = trainings.between(Optional.of(network), from, from.plus(Duration.ofDays(800)));
            Locale locale = localeOf(owner);
            return Optional.of(write(calendar(networks.find(network).nameTh(), occurrences, locale)));
        }));
    }

    /** One occurrence as a {@code .ics} file to open in a calendar app. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public String eventFile(OccurrenceId id, Locale locale) {
        Occurrence o = trainings.find(id);
        return write(calendar(o.topic(), List.of(o), locale));
    }

    // ------------------------------------------------------------------ iCalendar

    /**
     * A plain iCalendar object (no METHOD): iTIP's PUBLISH would require an ORGANIZER address for
     * every event, and subscribed feeds and downloaded files need neither.
     */
    private Calendar calendar(String name, List<Occurrence> occurrences, Locale locale) {
        Calendar calendar = new Calendar().withProdId("-//Phakhi//Trainings//TH").withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .withProperty(new XProperty("X-WR-TIMEZONE", "Asia/Bangkok"))
                .getFluentTarget();
        for (Occurrence o : occurrences) {
            VEvent event = new VEvent(o.start(), o.end(), o.topic());
            event.add(new Uid(o.id().value() + "@phakhi"));
            event.add(new Sequence(o.sequence()));
            event.add(new Status(o.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
            String where = whereOf(o);
            if (!where.isEmpty()) {
                event.add(new Location(where));
            }
            event.add(new Description(description(o, locale)));
            event.add(new Url(URI.create(baseUrl + TrainingService.link(o.id().value()))));
            calendar.add(event);
        }
        return calendar;
    }

    private static String whereOf(Occurrence o) {
        List<String> parts = new ArrayList<>();
        if (o.venue() != null) {
            parts.add(o.venue());
        }
        if (o.address() != null) {
            parts.add(o.address());
        }
        if (parts.isEmpty() && o.onlineUrl() != null) {
            parts.add(o.onlineUrl());
        }
        return String.join(", ", parts);
    }

    private String description(Occurrence o, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(TranslationProvider.translate(o.type().nameKey(), locale) + " · " + o.networkName());
        if (o.cancelled()) {
            lines.add(TranslationProvider.translate("training.cancelledBecause", locale, o.cancelReason()));
        }
        if (!o.speakers().isEmpty()) {
            lines.add(TranslationProvider.translate("training.field.speakers", locale) + ": " + String.join(", ", o.speakers()));
        }
        if (o.onlineUrl() != null) {
            lines.add(TranslationProvider.translate("training.field.onlineUrl", locale) + ": " + o.onlineUrl());
        }
        if (o.mapUrl() != null) {
            lines.add(TranslationProvider.translate("training.field.mapUrl", locale) + ": " + o.mapUrl());
        }
        if (o.agenda() != null) {
            lines.add("");
            lines.add(o.agenda());
        }
        lines.add("");
        lines.add(baseUrl + TrainingService.link(o.id().value()));
        return String.join("\n", lines);
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid calendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Locale localeOf(PhakhiUser owner) {
        return SystemRunner.call(() -> accounts.languageOf(owner.accountId())).locale();
    }

    private static <T> T as(PhakhiUser user, java.util.function.Supplier<T> task) {
        List<T> result = new ArrayList<>(1);
        SystemRunner.runAs(user, () -> result.add(task.get()));
        return result.getFirst();
    }
}
