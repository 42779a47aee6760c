package th.phakhi.network;

/** Who can see a network: anyone signed in (and ask to join), or its members only. */
public enum NetworkVisibility {
    PUBLIC, MEMBERS_ONLY;

    public String nameKey() {
        return "network.visibility." + name();
    }
}
