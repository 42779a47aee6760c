package th.phakhi.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notification for the signed-in user. The text is a translation key with parameters, so
 * it shows in the reader's language; {@code link} is an app route such as {@code networks/abc}.
 */
public record Notification(String id, NotificationKind kind, String messageKey, List<String> params, String link,
                           Instant createdAt, boolean read) {
    public Notification {
        params = List.copyOf(params);
    }
}
