package th.phakhi.security;

import java.time.Instant;

/** A personal API token as its owner sees it later: never the secret itself, which is shown once. */
public record ApiToken(String id, String name, Instant createdAt, Instant lastUsedAt) {

    /** Returned once, at creation: {@code secret} is what a client sends; only its hash is stored. */
    public record Created(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }
}
