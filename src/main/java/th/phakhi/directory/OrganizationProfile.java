package th.phakhi.directory;

import java.util.List;

/**
 * An organization's profile page: its registry data (seed 004's fields), its people, the
 * networks it belongs to (those the viewer may see), and what the viewer may do with it.
 */
public record OrganizationProfile(Organization organization, OrganizationRecord details, List<Person> people,
                                  List<PersonId> delegates, List<NetworkMemberships.NetworkRef> networks,
                                  boolean editable, boolean canDelegate) {

    public OrganizationProfile {
        people = List.copyOf(people);
        delegates = List.copyOf(delegates);
        networks = List.copyOf(networks);
    }

    public Integer population() {
        return details.populationMale() == null && details.populationFemale() == null ? null
                : (details.populationMale() == null ? 0 : details.populationMale())
                + (details.populationFemale() == null ? 0 : details.populationFemale());
    }
}
