package th.phakhi.workinggroup;

import java.time.Instant;
import java.util.List;
import th.phakhi.directory.PersonId;
import th.phakhi.network.NetworkId;

/** A working group: what it is for (mandate), who leads it, who is in it, and whether it is still active. */
public record WorkingGroup(WorkingGroupId id, NetworkId networkId, String name, String mandate, PersonId lead,
                           List<PersonId> members, List<PersonId> pendingJoins, Status status, Instant createdAt) {

    public WorkingGroup {
        members = List.copyOf(members);
        pendingJoins = List.copyOf(pendingJoins);
    }

    public enum Status {
        ACTIVE, CLOSED;

        public String nameKey() {
            return "wg.status." + name();
        }
    }

    public boolean isMember(PersonId person) {
        return person != null && (members.contains(person) || person.equals(lead));
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
