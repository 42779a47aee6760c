package th.phakhi.announcement;

public enum Category {
    NEWS, MEETING, POLICY, URGENT;

    public String nameKey() {
        return "announcement.category." + name();
    }
}
