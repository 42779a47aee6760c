package th.phakhi.directory;

/** Who may see a person's phone, e-mail and LINE ID — the person chooses. */
public enum ContactVisibility {
    /** Everyone signed in to Phakhi. */
    EVERYONE,
    /** Members of networks the viewer's organization shares with the person's organization. */
    SHARED_NETWORKS,
    /** Nobody but the person (and platform administrators). */
    NOBODY;

    public String nameKey() {
        return "person.visibility." + name();
    }
}
