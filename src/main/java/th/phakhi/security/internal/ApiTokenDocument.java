package th.phakhi.security.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("api_tokens")
public class ApiTokenDocument {
    @Id
    public String id;
    @Indexed
    public String accountId;
    public String name;
    /** Null for an API token; otherwise what the secret opens (e.g. "calendar"), and nothing else. */
    public String scope;
    /** SHA-256 of the secret, hex. The secret itself is never stored. */
    @Indexed(unique = true)
    public String hash;
    public Instant createdAt;
    public Instant lastUsedAt;
}
