package th.phakhi.directory;

/** Regions of Thailand, as used for regional networks. */
public enum Region {
    NORTH, NORTHEAST, CENTRAL, EAST, SOUTH;

    public String nameKey() {
        return "region." + name();
    }
}
