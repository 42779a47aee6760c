package th.phakhi.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.internal.OrganizationDocument;
import th.phakhi.directory.internal.OrganizationRepository;
import th.phakhi.directory.internal.PersonDocument;
import th.phakhi.directory.internal.PersonRepository;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;
import th.phakhi.shared.text.ThaiText;

/**
 * People of the organizations: who does what, and whom to contact. Contact details (phone,
 * e-mail, LINE ID) are shown only as each person chose: to everyone signed in, to members of
 * networks the two organizations share, or to nobody.
 */
@Service
public class PeopleService {

    public static final int MAX_NAME = 100;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 60;
    public static final int MAX_RESULTS = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-\\s,#.]{3,60}");

    private final PersonRepository people;
    private final OrganizationRepository organizations;
    private final DirectoryAccess access;
    private final ObjectProvider<NetworkMemberships> networkMemberships;
    private final MongoTemplate mongo;
    private final Clock clock;

    PeopleService(PersonRepository people, OrganizationRepository organizations, DirectoryAccess access,
                  ObjectProvider<NetworkMemberships> networkMemberships, MongoTemplate mongo, Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.access = access;
        this.networkMemberships = networkMemberships;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Adds a person to an organization: its administrators or a platform administrator. */
    @PreAuthorize("@directoryAccess.canEdit(#request.organizationId())")
    public Person createPerson(NewPerson request) {
        if (request.organizationId() == null || !organizations.existsById(request.organizationId().value())) {
            throw new UserFacingException("error.notFound");
        }
        boolean platformAdmin = CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false);
        if (request.accountId() != null && !platformAdmin) {
            throw new UserFacingException("error.accessDenied");
        }
        PersonDocument doc = new PersonDocument();
        doc.organizationId = request.organizationId().value();
        doc.accountId = request.accountId() == null ? null : request.accountId().value();
        apply(doc, new PersonUpdate(request.title(), request.firstName(), request.lastName(), request.position(),
                request.positionDetail(), request.responsibilities(), request.expertise(), request.phone(),
                request.email(), request.lineId(), request.contactVisibility()));
        doc.createdAt = doc.updatedAt;
        return toPerson(people.insert(doc), false);
    }

    /** Changes a directory entry: the person themselves, or their organization's administrators. */
    @PreAuthorize("@directoryAccess.canEditPerson(#id)")
    public Person updatePerson(PersonId id, PersonUpdate update) {
        PersonDocument doc = people.findById(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
        apply(doc, update);
        Person saved = toPerson(people.save(doc), false);
        access.forget(doc.accountId);
        return saved;
    }

    /** The directory entry of the signed-in user, if their account is linked to one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Person> me() {
        return access.currentPersonDocument().map(doc -> toPerson(doc, false));
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<Person> find(PersonId id) {
        if (id == null) {
            return Optional.empty();
        }
        Viewer viewer = viewer();
        return people.findById(id.value()).map(doc -> toPerson(doc, !viewer.maySeeContact(doc)));
    }

    /** People directory: by name, organization name, position detail, responsibilities or expertise. */
    @PreAuthorize("isAuthenticated()")
    public List<Person> search(String text, OrganizationId organization, int limit) {
        int max = Math.clamp(limit, 1, MAX_RESULTS);
        List<String> terms = ThaiText.terms(text);
        Query query = new Query();
        if (organization != null) {
            query.addCriteria(Criteria.where("organizationId").is(organization.value()));
        }
        if (terms.isEmpty()) {
            if (organization == null) {
                return List.of();
            }
            return sortedVisible(mongo.find(query, PersonDocument.class), max);
        }
        query.addCriteria(Criteria.where("searchGrams").all(ThaiText.queryGrams(terms)));
        Viewer viewer = viewer();
        record Hit(PersonDocument doc, double score) {
        }
        return mongo.find(query, PersonDocument.class).stream()
                .filter(doc -> ThaiText.matches(terms, searchText(doc)))
                .map(doc -> new Hit(doc, ThaiText.score(terms, searchText(doc))))
                .sorted(Comparator.comparingDouble(Hit::score).reversed())
                .limit(max)
                .map(hit -> toPerson(hit.doc(), !viewer.maySeeContact(hit.doc())))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    public List<Person> peopleOf(OrganizationId organization) {
        return visiblePeopleOf(organization);
    }

    /** Person by account, for other modules that know accounts (e.g. who holds a network position). */
    @PreAuthorize("isAuthenticated()")
    public Optional<Person> byAccount(AccountId account) {
        Viewer viewer = viewer();
        return account == null ? Optional.empty()
                : people.findByAccountId(account.value()).map(doc -> toPerson(doc, !viewer.maySeeContact(doc)));
    }

    @PreAuthorize("isAuthenticated()")
    public List<Person> people(java.util.Collection<PersonId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Viewer viewer = viewer();
        return mongo.find(Query.query(Criteria.where("_id").in(ids.stream().map(PersonId::value).toList())),
                PersonDocument.class).stream().map(doc -> toPerson(doc, !viewer.maySeeContact(doc))).toList();
    }

    /** Accounts of those who act for the organization: its leader and the leader's delegates. */
    @PreAuthorize("isAuthenticated()")
    public List<AccountId> representativeAccounts(OrganizationId organization) {
        if (organization == null) {
            return List.of();
        }
        List<String> delegates = organizations.findById(organization.value())
                .map(OrganizationDocument::delegatesOrEmpty).orElse(List.of());
        return people.findByOrganizationId(organization.value()).stream()
                .filter(p -> p.accountId != null && (p.position == Position.LEADER || delegates.contains(p.id)))
                .map(p -> new AccountId(p.accountId))
                .toList();
    }

    List<Person> visiblePeopleOf(OrganizationId organization) {
        return sortedVisible(people.findByOrganizationId(organization.value()), MAX_RESULTS * 5);
    }

    boolean belongsTo(PersonId person, OrganizationId organization) {
        return people.findById(person.value()).map(p -> organization.value().equals(p.organizationId)).orElse(false);
    }

    private List<Person> sortedVisible(List<PersonDocument> docs, int max) {
        Viewer viewer = viewer();
        return docs.stream()
                .sorted(Comparator.comparing((PersonDocument d) -> d.position == null ? 99 : d.position.ordinal())
                        .thenComparing(d -> d.firstName))
                .limit(max)
                .map(doc -> toPerson(doc, !viewer.maySeeContact(doc)))
                .toList();
    }

    /** Who is looking, resolved once per call: their entry, organization and network partners. */
    private Viewer viewer() {
        Optional<PhakhiUser> user = CurrentUser.get();
        Optional<PersonDocument> me = access.currentPersonDocument();
        Set<String> partners = new HashSet<>();
        me.ifPresent(p -> {
            partners.add(p.organizationId);
            NetworkMemberships memberships = networkMemberships.getIfAvailable();
            if (memberships != null) {
                memberships.partnersOf(new OrganizationId(p.organizationId)).forEach(o -> partners.add(o.value()));
            }
        });
        return new Viewer(user.map(PhakhiUser::isPlatformAdmin).orElse(false), me.map(p -> p.id).orElse(null), partners);
    }

    private record Viewer(boolean platformAdmin, String personId, Set<String> partnerOrganizations) {
        boolean maySeeContact(PersonDocument doc) {
            if (platformAdmin || doc.id.equals(personId)) {
                return true;
            }
            return switch (doc.contactVisibility == null ? ContactVisibility.SHARED_NETWORKS : doc.contactVisibility) {
                case EVERYONE -> true;
                case SHARED_NETWORKS -> partnerOrganizations.contains(doc.organizationId);
                case NOBODY -> false;
            };
        }
    }

    private void apply(PersonDocument doc, PersonUpdate u) {
        doc.title = Validation.optional(u.title(), 30);
        doc.firstName = Validation.required(u.firstName(), MAX_NAME);
        doc.lastName = Validation.required(u.lastName(), MAX_NAME);
        doc.position = u.position() == null ? Position.STAFF : u.position();
        doc.positionDetail = Validation.optional(u.positionDetail(), MAX_NAME);
        doc.responsibilities = Validation.items(u.responsibilities(), MAX_TAGS, MAX_TAG);
        doc.expertise = Validation.items(u.expertise(), MAX_TAGS, MAX_TAG);
        doc.phone = Validation.optional(u.phone(), 60);
        if (doc.phone != null && !PHONE.matcher(doc.phone).matches()) {
            throw new UserFacingException("person.error.phone");
        }
        doc.email = Validation.optional(u.email(), 200);
        if (doc.email != null && !EMAIL.matcher(doc.email).matches()) {
            throw new UserFacingException("person.error.email");
        }
        doc.lineId = Validation.optional(u.lineId(), 60);
        doc.contactVisibility = u.contactVisibility() == null ? ContactVisibility.SHARED_NETWORKS : u.contactVisibility();
        doc.updatedAt = clock.instant();
        doc.searchGrams = ThaiText.indexGrams(searchText(doc));
    }

    /** What a people search looks in: names, organization name, position detail and tags. */
    private String[] searchText(PersonDocument doc) {
        List<String> parts = new ArrayList<>();
        parts.add(doc.firstName);
        parts.add(doc.lastName);
        parts.addAll(doc.responsibilities);
        parts.addAll(doc.expertise);
        if (doc.positionDetail != null) {
            parts.add(doc.positionDetail);
        }
        if (doc.organizationName == null && doc.organizationId != null) {
            doc.organizationName = organizations.findById(doc.organizationId)
                    .map(o -> o.nameTh + (o.nameEn == null ? "" : " " + o.nameEn)).orElse("");
        }
        parts.add(doc.organizationName);
        return parts.toArray(String[]::new);
    }

    static Person toPerson(PersonDocument doc, boolean hideContact) {
        return new Person(new PersonId(doc.id), new OrganizationId(doc.organizationId),
                doc.accountId == null ? null : new AccountId(doc.accountId), doc.title, doc.firstName, doc.lastName,
                doc.position, doc.positionDetail, doc.responsibilities, doc.expertise,
                hideContact ? null : doc.phone, hideContact ? null : doc.email, hideContact ? null : doc.lineId,
                doc.contactVisibility, hideContact);
    }
}
