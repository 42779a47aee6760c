package th.phakhi.notification.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.notification.EmailDelivery;

/** One person's e-mail choices per kind of notification: {@code _id} is the account id. */
@Document("notification_preferences")
public class PreferencesDocument {
    @Id
    public String id;
    public Map<String, EmailDelivery> email = new HashMap<>();
}
