package th.phakhi.security.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import th.phakhi.security.Account;
import th.phakhi.security.AccountId;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.Role;
import th.phakhi.shared.i18n.Language;

/** Conversions between the stored account and what the rest of the app sees. */
public final class Accounts {

    /** Longest user name we accept; longer input is refused before any database lookup. */
    public static final int MAX_USERNAME = 64;

    private Accounts() {
    }

    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static Set<Role> roles(AccountDocument doc) {
        Set<Role> roles = EnumSet.of(Role.USER);
        if (doc.roles != null) {
            doc.roles.stream().map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    public static Account toAccount(AccountDocument doc) {
        return new Account(new AccountId(doc.id), doc.username, doc.displayName, roles(doc),
                Language.fromCode(doc.language).orElse(Language.DEFAULT), doc.enabled);
    }

    public static PhakhiUser toUser(AccountDocument doc) {
        return new PhakhiUser(new AccountId(doc.id), doc.username, doc.displayName, roles(doc), doc.enabled,
                doc.passwordHash);
    }

    public static Set<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toSet());
    }
}
