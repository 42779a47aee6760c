package th.phakhi.support;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Set;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import th.phakhi.security.Account;
import th.phakhi.security.AccountId;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.Role;

/** Puts a user into the security context, as a signed-in session would. */
public final class TestUsers {

    private TestUsers() {
    }

    public static PhakhiUser signIn(AccountId accountId, String username, Role... extraRoles) {
        Set<Role> roles = new java.util.HashSet<>(Set.of(Role.USER));
        roles.addAll(Set.of(extraRoles));
        PhakhiUser user = new PhakhiUser(accountId, username, username, roles, true, null);
        install(user);
        return user;
    }

    /** Signs in as an existing account (a demo user, say) with its real roles. */
    public static PhakhiUser signInAs(AccountService accounts, String username) {
        Account account = SystemRunner.call(() -> accounts.findByUsername(username))
                .orElseThrow(() -> new IllegalArgumentException("No account " + username));
        PhakhiUser user = new PhakhiUser(account.id(), account.username(), account.displayName(), account.roles(),
                true, null);
        install(user);
        return user;
    }

    /** A new personal API token of an existing account (as if they made it on the tokens page). */
    public static String apiToken(AccountService accounts, th.phakhi.security.ApiTokenService tokens, String username) {
        signInAs(accounts, username);
        try {
            return tokens.create("test " + java.util.UUID.randomUUID()).secret();
        } finally {
            signOut();
        }
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
        WrappedSession session = vaadinSession();
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
    }

    /**
     * Vaadin's security context strategy reads the Vaadin session's context before the thread's,
     * so the user goes into both — in browserless tests and wherever a Vaadin session is current.
     */
    private static void install(PhakhiUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        WrappedSession session = vaadinSession();
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    private static WrappedSession vaadinSession() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        try {
            return vaadin == null ? null : vaadin.getSession();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
