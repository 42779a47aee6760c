package th.phakhi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import th.phakhi.security.AccountService;
import th.phakhi.shared.UserFacingException;

/** Runs a service call and says whether security let it through (a business refusal still counts as through). */
public final class Permissions {

    public enum Outcome { ALLOWED, DENIED }

    /** The actor name that means "not signed in". */
    public static final String ANONYMOUS = "anonymous";

    private Permissions() {
    }

    /**
     * One row of a permission matrix: runs {@code call} as each actor (a demo user name, or
     * {@link #ANONYMOUS}) and asserts that exactly the {@code allowed} ones get through.
     */
    public static void assertMatrix(AccountService accounts, List<String> actors, String operation, Set<String> allowed,
                                    Consumer<String> call) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Outcome> expected = new LinkedHashMap<>();
        for (String actor : actors) {
            if (ANONYMOUS.equals(actor)) {
                TestUsers.signOut();
            } else {
                TestUsers.signInAs(accounts, actor);
            }
            outcomes.put(actor, attempt(() -> call.accept(actor)));
            expected.put(actor, allowed.contains(actor) ? Outcome.ALLOWED : Outcome.DENIED);
        }
        TestUsers.signOut();
        assertThat(outcomes).as(operation).isEqualTo(expected);
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
