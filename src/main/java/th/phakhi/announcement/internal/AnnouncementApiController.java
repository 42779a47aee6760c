package th.phakhi.announcement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.AnnouncementId;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.network.NetworkId;
import th.phakhi.shared.ApiError;

/**
 * Announcements over JSON for other clients (docs/api.md): read a network's announcements, post
 * one (secretariat), see what awaits your organization's acknowledgement, acknowledge. Signed in
 * with a personal API token; every rule is the service's.
 */
@RestController
@RequestMapping("/api")
class AnnouncementApiController {

    private final AnnouncementService announcements;

    AnnouncementApiController(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    /** What a client sends to post; {@code publishAt} null: now. */
    record NewAnnouncement(String title, String body, Category category, Boolean acknowledgementRequired,
                           Boolean isPublic, Instant publishAt) {
    }

    /** What a client reads. */
    record AnnouncementView(String id, String networkId, String title, String body, String html, Category category,
                            Instant publishAt, boolean published, boolean acknowledgementRequired,
                            boolean acknowledgedByMyOrganization, boolean canAcknowledge, String authorName) {
        static AnnouncementView of(Announcement a) {
            return new AnnouncementView(a.id().value(), a.networkId().value(), a.title(), a.body(), a.html(),
                    a.category(), a.publishAt(), a.published(), a.acknowledgementRequired(),
                    a.acknowledgedByMyOrganization(), a.canAcknowledge(), a.authorName());
        }
    }

    @GetMapping("/networks/{network}/announcements")
    List<AnnouncementView> list(@PathVariable String network) {
        return announcements.list(new NetworkId(network), false).stream().map(AnnouncementView::of).toList();
    }

    @PostMapping("/networks/{network}/announcements")
    ResponseEntity<AnnouncementView> post(@PathVariable String network, @RequestBody NewAnnouncement request) {
        AnnouncementId id = announcements.post(new NetworkId(network), new AnnouncementForm(request.title(),
                request.body(), request.category() == null ? Category.NEWS : request.category(), null, List.of(),
                request.publishAt(), null, false, Boolean.TRUE.equals(request.acknowledgementRequired()),
                Boolean.TRUE.equals(request.isPublic())));
        return ResponseEntity.status(HttpStatus.CREATED).body(AnnouncementView.of(announcements.find(id)));
    }

    @GetMapping("/announcements/awaiting-acknowledgement")
    List<AnnouncementView> awaiting() {
        return announcements.awaitingMyAcknowledgement().stream().map(AnnouncementView::of).toList();
    }

    @PostMapping("/announcements/{id}/acknowledgement")
    Map<String, Object> acknowledge(@PathVariable String id) {
        AnnouncementId announcement = new AnnouncementId(id);
        announcements.acknowledge(announcement);
        return Map.of("id", id, "acknowledgedByMyOrganization",
                announcements.find(announcement).acknowledgedByMyOrganization());
    }

    /** The error object of every refusal, with the status its code stands for. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> refused(Exception e) {
        ApiError error = e instanceof HttpMessageNotReadableException ? ApiError.of("error.badRequest") : ApiError.of(e);
        HttpStatus status = switch (error.code()) {
            case "error.accessDenied" -> HttpStatus.FORBIDDEN;
            case "error.notFound" -> HttpStatus.NOT_FOUND;
            case "error.databaseUnavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "error.unexpected" -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST; // the input's own refusal
        };
        return ResponseEntity.status(status).body(error);
    }
}
