package th.phakhi.network;

public enum NetworkScope {
    PROVINCIAL, REGIONAL, NATIONAL, THEMATIC;

    public String nameKey() {
        return "network.scope." + name();
    }
}
