package th.phakhi.support;

import java.util.Set;
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
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }

    /** Signs in as an existing account (a demo user, say) with its real roles. */
    public static PhakhiUser signInAs(AccountService accounts, String username) {
        Account account = SystemRunner.call(() -> accounts.findByUsername(username))
                .orElseThrow(() -> new IllegalArgumentException("No account " + username));
        PhakhiUser user = new PhakhiUser(account.id(), account.username(), account.displayName(), account.roles(),
                true, null);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
