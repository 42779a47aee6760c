package th.phakhi.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Platform-wide roles. Network roles (administrator, secretariat, member) live in the network module. */
public enum Role {
    /** Every signed-in person. */
    USER,
    /** Keeps the organization registry and the accounts. */
    PLATFORM_ADMIN;

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
