package th.phakhi.directory;

/** A person's position in their organization. */
public enum Position {
    LEADER, DEPUTY_LEADER, CLERK, DEPUTY_CLERK, DIVISION_DIRECTOR, COUNCIL_MEMBER, STAFF;

    public String nameKey() {
        return "person.position." + name();
    }
}
