package th.phakhi.security.internal;

import java.io.Serial;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures for the name or the address. */
public class LoginThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public LoginThrottledException(Instant retryAt) {
        super("Too many failed sign-in attempts");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
