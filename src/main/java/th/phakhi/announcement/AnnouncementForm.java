package th.phakhi.announcement;

import java.time.Instant;
import java.util.List;
import th.phakhi.shared.Link;
import th.phakhi.workinggroup.WorkingGroupId;

/**
 * What the secretariat writes.
 *
 * @param group       the working group the announcement is for; null for the whole network
 * @param publishAt   when it appears; null for now
 * @param expiresAt   when it stops being shown among the current ones; null for never
 * @param isPublic    also shown on the network's public news page, readable without signing in
 */
public record AnnouncementForm(String title, String body, Category category, WorkingGroupId group,
                               List<Link> links, Instant publishAt, Instant expiresAt, boolean pinned,
                               boolean acknowledgementRequired, boolean isPublic) {

    public AnnouncementForm {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
