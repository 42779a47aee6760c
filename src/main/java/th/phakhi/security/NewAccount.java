package th.phakhi.security;

import java.util.Set;
import th.phakhi.shared.i18n.Language;

/** What it takes to open an account. The password is hashed at once and never stored as given. */
public record NewAccount(String username, String password, String displayName, Set<Role> roles, Language language) {

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", displayName=" + displayName + ", roles=" + roles + "]";
    }
}
