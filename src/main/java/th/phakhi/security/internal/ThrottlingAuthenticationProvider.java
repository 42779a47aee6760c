package th.phakhi.security.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in guarded by {@link LoginThrottle}: a throttled name or address is refused
 * before the password is even checked, so throttling cannot be used to probe passwords.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    /** Longer passwords are refused without hashing, to keep one request from costing seconds. */
    static final int MAX_PASSWORD = 4096;

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final MongoTemplate mongo;
    private final Clock clock;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle,
                                     MongoTemplate mongo, Clock clock) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Instant blockedUntil = throttle.blockedUntil(username, address).orElse(null);
        if (blockedUntil != null) {
            throw new LoginThrottledException(blockedUntil);
        }
        Object credentials = authentication.getCredentials();
        if (credentials == null || credentials.toString().length() > MAX_PASSWORD) {
            throttle.recordFailure(username, address);
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(username);
            mongo.updateFirst(Query.query(Criteria.where("username").is(Accounts.normalizeUsername(username))),
                    Update.update("lastLoginAt", clock.instant()), AccountDocument.class);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
