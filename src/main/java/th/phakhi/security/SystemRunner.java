package th.phakhi.security;

import com.vaadin.flow.internal.CurrentInstance;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up and scheduled work (first administrator, demo data, scheduled announcements) as
 * the platform itself, so that it goes through the same secured services as a user would.
 */
public final class SystemRunner {

    public static final AccountId SYSTEM_ID = new AccountId("system");

    private static final PhakhiUser SYSTEM = new PhakhiUser(SYSTEM_ID, "system", "Phakhi",
            Set.of(Role.USER, Role.PLATFORM_ADMIN), true, null);

    private SystemRunner() {
    }

    public static void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    public static <T> T call(Supplier<T> task) {
        return callAs(SYSTEM, task);
    }

    /**
     * Runs a task as a given user — for demo data and tests that act out what people do; never
     * for serving a request.
     */
    public static void runAs(PhakhiUser user, Runnable task) {
        callAs(user, () -> {
            task.run();
            return null;
        });
    }

    private static <T> T callAs(PhakhiUser user, Supplier<T> task) {
        // Inside a Vaadin request the security context is read from the user's session first;
        // step out of the Vaadin instances so that the system context really applies.
        Map<Class<?>, CurrentInstance> vaadinInstances = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return task.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            CurrentInstance.restoreInstances(vaadinInstances);
        }
    }

    public static boolean isSystem(PhakhiUser user) {
        return user != null && SYSTEM_ID.equals(user.accountId());
    }
}
