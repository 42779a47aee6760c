package th.phakhi.workinggroup;

import th.phakhi.directory.PersonId;
import th.phakhi.network.NetworkId;

/** Published after a working group change is stored. */
public final class WorkingGroupEvents {

    private WorkingGroupEvents() {
    }

    public record WorkingGroupCreated(WorkingGroupId id, NetworkId networkId, String name) {
    }

    /** People left or were removed: their access to the group's room ends now. */
    public record MembersRemoved(WorkingGroupId id, java.util.Set<PersonId> people) {
    }

    public record StatusChanged(WorkingGroupId id, WorkingGroup.Status status) {
    }
}
