package th.phakhi.announcement;

import java.time.Instant;
import java.util.List;
import th.phakhi.shared.Link;
import th.phakhi.network.NetworkId;
import th.phakhi.workinggroup.WorkingGroupId;

/** An announcement as readers see it; {@code html} was rendered and sanitized on the server. */
public record Announcement(AnnouncementId id, NetworkId networkId, String title, String body, String html,
                           Category category, WorkingGroupId group, List<Link> links,
                           Instant publishAt, Instant expiresAt, boolean pinned, boolean acknowledgementRequired,
                           boolean isPublic, boolean published, String authorName, Instant createdAt,
                           Instant editedAt, boolean acknowledgedByMyOrganization, boolean canAcknowledge) {

    public Announcement {
        links = List.copyOf(links);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && expiresAt.isBefore(now);
    }
}
