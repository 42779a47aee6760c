package th.phakhi.network;

import java.time.Instant;
import th.phakhi.directory.Organization;

/**
 * A request to join (from an organization) or an invitation (from the network), and its outcome.
 * It belongs to exactly one network and can only be decided there.
 */
public record MembershipRequest(String id, NetworkId networkId, String networkName, Kind kind,
                                Organization organization, String message, Status status, String requestedByName,
                                Instant createdAt, String decidedByName, Instant decidedAt, String reason) {

    public enum Kind {
        REQUEST, INVITATION
    }

    public enum Status {
        PENDING, APPROVED, DECLINED, WITHDRAWN;

        public String nameKey() {
            return "network.request.status." + name();
        }
    }
}
