package th.phakhi.network;

import java.util.List;
import java.util.Optional;
import th.phakhi.directory.OrganizationId;

/**
 * A network's home page: the network, its charter and structure, its members, and where the
 * signed-in user stands — their role, their organization's membership, and what they may do.
 */
public record NetworkDetails(Network network, Charter charter, List<PositionHolder> positions, List<Member> members,
                             Optional<NetworkRole> myRole, Optional<OrganizationId> myOrganization,
                             MyStatus myOrganizationStatus, boolean canRepresent, long pendingRequests) {

    public NetworkDetails {
        positions = List.copyOf(positions);
        members = List.copyOf(members);
    }

    /** The signed-in user's organization and this network. */
    public enum MyStatus {
        MEMBER, REQUESTED, INVITED, NONE
    }

    public boolean isAdministrator() {
        return myRole.map(r -> r == NetworkRole.ADMINISTRATOR).orElse(false);
    }

    public boolean isSecretariat() {
        return myRole.map(r -> r.atLeast(NetworkRole.SECRETARIAT)).orElse(false);
    }

    public boolean isMember() {
        return myRole.isPresent();
    }
}
