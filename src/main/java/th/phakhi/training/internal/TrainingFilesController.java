package th.phakhi.training.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.phakhi.network.NetworkId;
import th.phakhi.security.AccountService;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.Language;
import th.phakhi.training.CalendarService;
import th.phakhi.training.CertificateService;
import th.phakhi.training.OccurrenceId;
import th.phakhi.training.RegistrationService;

/**
 * Training files over HTTP: the iCalendar feeds behind a person's secret address (no sign-in:
 * calendar apps cannot), and for the signed-in user one occurrence's {@code .ics}, the roster as
 * CSV (secretariat) and their certificate as PDF. The services decide who gets what.
 */
@RestController
class TrainingFilesController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarService calendars;
    private final RegistrationService registrations;

    private final CertificateService certificates;
    private final AccountService accounts;

    TrainingFilesController(CalendarService calendars, RegistrationService registrations,
                            CertificateService certificates, AccountService accounts) {
        this.accounts = accounts;
        this.calendars = calendars;
        this.registrations = registrations;
        this.certificates = certificates;
    }

    @GetMapping("/calendar/{secret}/mine.ics")
    ResponseEntity<String> mine(@PathVariable String secret) {
        return feed(calendars.personalFeed(secret));
    }

    @GetMapping("/calendar/{secret}/networks/{networkId}.ics")
    ResponseEntity<String> network(@PathVariable String secret, @PathVariable String networkId) {
        return feed(calendars.networkFeed(secret, new NetworkId(networkId)));
    }

    @GetMapping("/trainings/{occurrenceId}/event.ics")
    ResponseEntity<String> event(@PathVariable String occurrenceId, Locale locale) {
        String body = calendars.eventFile(new OccurrenceId(occurrenceId), language(locale));
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("phakhi-" + occurrenceId + ".ics").build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/trainings/{occurrenceId}/roster.csv")
    ResponseEntity<String> roster(@PathVariable String occurrenceId, Locale locale) {
        String body = registrations.rosterCsv(new OccurrenceId(occurrenceId), language(locale));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("roster-" + occurrenceId + ".csv").build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/trainings/{occurrenceId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String occurrenceId, Locale locale) {
        byte[] pdf = certificates.certificate(new OccurrenceId(occurrenceId), language(locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certificate-" + occurrenceId + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore()).body(pdf);
    }

    /** The language the user chose in Phakhi, else the browser's. */
    private Locale language(Locale request) {
        return accounts.preferredLanguage().map(Language::locale).orElse(request);
    }

    /** An unknown occurrence (or one that is gone) is simply not found. */
    @org.springframework.web.bind.annotation.ExceptionHandler(UserFacingException.class)
    ResponseEntity<String> notFound(UserFacingException e) {
        return ResponseEntity.notFound().build();
    }

    private static ResponseEntity<String> feed(Optional<String> body) {
        return body.map(b -> ResponseEntity.ok().contentType(CALENDAR)
                        .cacheControl(CacheControl.noCache().cachePrivate()).body(b))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
