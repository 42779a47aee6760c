package th.phakhi.training;

import java.time.Instant;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PersonId;

/**
 * A line of the roster: a registered, waiting or walk-in person.
 *
 * @param waitingPosition 1-based place on the waiting list; 0 for registered people
 */
public record RosterEntry(PersonId personId, String personName, OrganizationId organizationId,
                          String organizationName, String registeredByName, Instant registeredAt, int waitingPosition,
                          Instant attendedAt, boolean walkIn) {

    public boolean waiting() {
        return waitingPosition > 0;
    }

    public boolean attended() {
        return attendedAt != null;
    }
}
