package th.phakhi.network;

import java.time.Instant;
import th.phakhi.directory.Organization;

/** A member organization and since when. */
public record Member(Organization organization, Instant joinedAt) {
}
