package th.phakhi.announcement;

import th.phakhi.network.NetworkId;

public final class AnnouncementEvents {

    private AnnouncementEvents() {
    }

    /** An announcement became visible (at once or at its scheduled time) — published once. */
    public record AnnouncementPublished(AnnouncementId id, NetworkId networkId, String title, Category category) {
    }
}
