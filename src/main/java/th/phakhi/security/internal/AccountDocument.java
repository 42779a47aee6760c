package th.phakhi.security.internal;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("accounts")
public class AccountDocument {

    @Id
    String id;

    /** Lower-case sign-in name. */
    @Indexed(unique = true)
    String username;

    String passwordHash;
    String displayName;
    Set<String> roles;
    /** {@code th} or {@code en}; null until the user chooses. */
    String language;
    boolean enabled = true;
    Instant createdAt;
    Instant lastLoginAt;

    public static AccountDocument create(String username, String passwordHash, String displayName, Set<String> roles,
                                         String language, Instant createdAt) {
        AccountDocument doc = new AccountDocument();
        doc.username = username;
        doc.passwordHash = passwordHash;
        doc.displayName = displayName;
        doc.roles = roles;
        doc.language = language;
        doc.createdAt = createdAt;
        return doc;
    }

    public boolean enabled() {
        return enabled;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String language() {
        return language;
    }
}
