package th.phakhi.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for sign-in. User names are looked up as plain strings, never as query documents. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalized = Accounts.normalizeUsername(username);
        if (normalized.isEmpty() || normalized.length() > Accounts.MAX_USERNAME) {
            throw new UsernameNotFoundException("No such account");
        }
        return accounts.findByUsername(normalized).map(Accounts::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
