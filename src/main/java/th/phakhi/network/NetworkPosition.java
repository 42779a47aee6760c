package th.phakhi.network;

import java.util.Set;

/** Positions of a network's operating structure, held by people of member organizations. */
public enum NetworkPosition {
    CHAIR, VICE_CHAIR, SECRETARY_GENERAL, SECRETARIAT, COMMITTEE_MEMBER, ADVISOR;

    /** Positions whose holders administer the network. */
    public static final Set<NetworkPosition> ADMINISTRATORS = Set.of(CHAIR, SECRETARY_GENERAL);

    /** Positions only one person holds at a time; assigning one replaces the holder. */
    public boolean single() {
        return this == CHAIR || this == SECRETARY_GENERAL;
    }

    public String nameKey() {
        return "network.position." + name();
    }
}
