package th.phakhi.workinggroup;

import java.util.List;
import th.phakhi.directory.PersonId;

/** Creating or editing a working group. Members come from the network's member organizations. */
public record WorkingGroupForm(String name, String mandate, PersonId lead, List<PersonId> members) {
}
