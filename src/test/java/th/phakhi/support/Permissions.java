package th.phakhi.support;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import th.phakhi.shared.UserFacingException;

/** Runs a service call and says whether security let it through (a business refusal still counts as through). */
public final class Permissions {

    public enum Outcome { ALLOWED, DENIED }

    private Permissions() {
    }

    public static Outcome attempt(Runnable call) {
        try {
            call.run();
            return Outcome.ALLOWED;
        } catch (AccessDeniedException | AuthenticationCredentialsNotFoundException e) {
            return Outcome.DENIED;
        } catch (UserFacingException e) {
            return Outcome.ALLOWED;
        }
    }
}
