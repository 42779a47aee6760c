package th.phakhi.announcement;

import java.time.Instant;
import th.phakhi.directory.Organization;

/** One member organization and whether (when, by whom) it acknowledged an announcement. */
public record Acknowledgement(Organization organization, boolean acknowledged, Instant at, String byName) {
}
