package th.phakhi.network;

import java.time.Instant;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PersonId;

/** Someone holding a position in the network's structure. */
public record PositionHolder(String id, NetworkPosition position, PersonId personId, String personName,
                             OrganizationId organizationId, String organizationName, Instant since) {
}
