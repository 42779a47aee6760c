package th.phakhi.network;

import th.phakhi.directory.OrganizationId;

/** Events other modules listen to (feed, chat access, notifications), published after the change is stored. */
public final class NetworkEvents {

    private NetworkEvents() {
    }

    public record NetworkCreated(NetworkId networkId, String nameTh) {
    }

    public record MemberJoined(NetworkId networkId, OrganizationId organizationId) {
    }

    /** An organization left or was removed: its people lose access to the network at once. */
    public record MemberLeft(NetworkId networkId, OrganizationId organizationId, boolean removed) {
    }

    public record CharterChanged(NetworkId networkId, int version) {
    }

    /** Positions changed: network roles of the people concerned may have changed. */
    public record StructureChanged(NetworkId networkId) {
    }
}
