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

    /**
     * The signed-in user's directory entry. Every access check asks for it, so it is kept for a
     * few seconds per account (dropped at once when the entry changes on this node).
     */
    Optional<PersonDocument> currentPersonDocument() {
        Optional<String> account = CurrentUser.accountId().map(id -> id.value());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = cache.get(account.get());
        if (cached != null && now - cached.at() < TTL_NANOS) {
            return cached.person();
        }
        Optional<PersonDocument> person = people.findByAccountId(account.get());
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(account.get(), new Cached(person, now));
        return person;
    }

    /** Forgets cached entries (after a change to a person). */
    void forget(String accountId) {
        if (accountId == null) {
            cache.clear();
        } else {
            cache.remove(accountId);
        }
    }

    private record Cached(Optional<PersonDocument> person, long at) {
    }

    private static final long TTL_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

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
