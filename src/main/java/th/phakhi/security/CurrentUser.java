package th.phakhi.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request or Vaadin UI access, if any. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<PhakhiUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return authentication.getPrincipal() instanceof PhakhiUser user ? Optional.of(user) : Optional.empty();
    }

    /** The current user; throws {@link org.springframework.security.access.AccessDeniedException} when anonymous. */
    public static PhakhiUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    public static Optional<AccountId> accountId() {
        return get().map(PhakhiUser::accountId);
    }
}
