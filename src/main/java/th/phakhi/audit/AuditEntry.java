package th.phakhi.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One administrative action: when, who (account and name at the time), what ({@code action} is a
 * translation key, e.g. {@code audit.network.memberApproved}), and its details as text.
 */
public record AuditEntry(String id, String scope, Instant at, String actorId, String actorName, String action,
                         Map<String, String> details) {
    public AuditEntry {
        details = Map.copyOf(details);
    }
}
