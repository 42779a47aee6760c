package th.phakhi.training.internal;

import java.nio.charset.StandardCharsets;
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
import th.phakhi.shared.UserFacingException;
import th.phakhi.training.CalendarService;
import th.phakhi.training.OccurrenceId;
import th.phakhi.training.RegistrationService;

/**
 * iCalendar over HTTP: the feeds behind a person's secret address (no sign-in: calendar apps
 * cannot), and for the signed-in user one occurrence's {@code .ics} and the roster as CSV.
 */
@RestController
class CalendarController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarService calendars;
    private final RegistrationService registrations;

    CalendarController(CalendarService calendars, RegistrationService registrations) {
        this.calendars = calendars;
        this.registrations = registrations;
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
    ResponseEntity<String> event(@PathVariable String occurrenceId, java.util.Locale locale) {
        String body = calendars.eventFile(new OccurrenceId(occurrenceId), locale);
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("phakhi-" + occurrenceId + ".ics").build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/trainings/{occurrenceId}/roster.csv")
    ResponseEntity<String> roster(@PathVariable String occurrenceId, java.util.Locale locale) {
        String body = registrations.rosterCsv(new OccurrenceId(occurrenceId), locale);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("roster-" + occurrenceId + ".csv").build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
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
