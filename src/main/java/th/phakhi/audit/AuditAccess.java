package th.phakhi.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;

/** {@code @auditAccess}: platform administrators read every scope; others as the owning module decides. */
@Component("auditAccess")
public class AuditAccess {

    private final List<AuditReadPolicy> policies;

    AuditAccess(List<AuditReadPolicy> policies) {
        this.policies = policies;
    }

    public boolean canRead(String scope) {
        if (scope == null) {
            return false;
        }
        if (CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false)) {
            return true;
        }
        return policies.stream().filter(p -> p.owns(scope)).anyMatch(p -> p.canRead(scope));
    }
}
