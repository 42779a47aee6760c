package th.phakhi.network;

/**
 * What the signed-in user is in a network, following from positions and membership: an
 * administrator (chair or secretary-general) also has the secretariat's rights, and both are members.
 */
public enum NetworkRole {
    ADMINISTRATOR, SECRETARIAT, MEMBER;

    public boolean atLeast(NetworkRole other) {
        return ordinal() <= other.ordinal();
    }

    public String nameKey() {
        return "network.role." + name();
    }
}
