package th.phakhi.directory;

import java.util.Optional;
import org.springframework.stereotype.Component;
import th.phakhi.directory.internal.OrganizationDocument;
import th.phakhi.directory.internal.OrganizationRepository;
import th.phakhi.directory.internal.PersonDocument;
import th.phakhi.directory.internal.PersonRepository;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;

/**
 * Access rules about organizations, used in {@code @PreAuthorize} as {@code @directoryAccess}.
 * An organization's administrators are its leader and the people the leader delegated.
 */
@Component("directoryAccess")
public class DirectoryAccess {

    private final PersonRepository people;
    private final OrganizationRepository organizations;

    DirectoryAccess(PersonRepository people, OrganizationRepository organizations) {
        this.people = people;
        this.organizations = organizations;
    }

    /** The signed-in user's directory entry. */
    public Optional<Person> currentPerson() {
        return currentPersonDocument().map(doc -> PeopleService.toPerson(doc, false));
    }

    Optional<PersonDocument> currentPersonDocument() {
        return CurrentUser.accountId().flatMap(id -> people.findByAccountId(id.value()));
    }

    /** The organization the signed-in user works for, if any. */
    public Optional<OrganizationId> currentOrganization() {
        return currentPersonDocument().map(p -> new OrganizationId(p.organizationId));
    }

    /** May act on behalf of the organization (ask to join, accept an invitation, leave): its leader or a delegate. */
    public boolean canRepresent(OrganizationId organization) {
        if (organization == null) {
            return false;
        }
        Optional<PersonDocument> me = currentPersonDocument();
        if (me.isEmpty() || !organization.value().equals(me.get().organizationId)) {
            return false;
        }
        if (me.get().position == Position.LEADER) {
            return true;
        }
        return organizations.findById(organization.value())
                .map(OrganizationDocument::delegatesOrEmpty)
                .map(delegates -> delegates.contains(me.get().id))
                .orElse(false);
    }

    /** May edit the organization's profile and people: its administrators, or a platform administrator. */
    public boolean canEdit(OrganizationId organization) {
        return CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false) || canRepresent(organization);
    }

    /** May change who the delegates are: the leader, or a platform administrator. */
    public boolean canDelegate(OrganizationId organization) {
        if (CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false)) {
            return true;
        }
        return currentPersonDocument()
                .filter(p -> organization != null && organization.value().equals(p.organizationId))
                .map(p -> p.position == Position.LEADER).orElse(false);
    }

    /** May edit this person's entry: the person, or their organization's administrators. */
    public boolean canEditPerson(PersonId person) {
        if (person == null) {
            return false;
        }
        Optional<PersonDocument> target = people.findById(person.value());
        if (target.isEmpty()) {
            return false;
        }
        boolean self = currentPersonDocument().map(me -> me.id.equals(target.get().id)).orElse(false);
        return self || canEdit(new OrganizationId(target.get().organizationId));
    }
}
