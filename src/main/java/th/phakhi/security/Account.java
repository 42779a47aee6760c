package th.phakhi.security;

import java.util.Set;
import th.phakhi.shared.i18n.Language;

/** A sign-in account as other modules see it (never the password hash). */
public record Account(AccountId id, String username, String displayName, Set<Role> roles, Language language,
                      boolean enabled) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }
}
