package th.phakhi.network;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.directory.Provinces;
import th.phakhi.network.internal.MembershipRequestDocument;
import th.phakhi.network.internal.NetworkDocument;
import th.phakhi.network.internal.NetworkStore;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;
import th.phakhi.shared.text.ThaiText;

/** Networks: creating and describing them, finding them, and a network's home page. */
@Service
public class NetworkService {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_RESULTS = 200;

    private final NetworkStore store;
    private final NetworkAccess access;
    private final DirectoryAccess directoryAccess;
    private final DirectoryService directory;
    private final PeopleService people;
    private final AuditService audit;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    NetworkService(NetworkStore store, NetworkAccess access, DirectoryAccess directoryAccess, DirectoryService directory,
                   PeopleService people, AuditService audit, MongoTemplate mongo, Clock clock,
                   ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.directoryAccess = directoryAccess;
        this.directory = directory;
        this.people = people;
        this.audit = audit;
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a network. A leader's organization becomes its first member and the leader its
     * chair; a platform administrator creates it empty and invites organizations.
     */
    @PreAuthorize("@networkAccess.canCreate()")
    public NetworkId create(NetworkForm form) {
        PhakhiUser user = CurrentUser.require();
        NetworkDocument doc = new NetworkDocument();
        apply(doc, form);
        Instant now = clock.instant();
        doc.createdBy = user.accountId().value();
        doc.createdAt = now;
        doc.updatedAt = now;
        doc.charter.updatedAt = now;
        Optional<Person> founder = directoryAccess.currentPerson();
        if (founder.isPresent() && directoryAccess.canRepresent(founder.get().organizationId())) {
            String organizationId = founder.get().organizationId().value();
            NetworkDocument.MemberEntry member = new NetworkDocument.MemberEntry();
            member.organizationId = organizationId;
            member.joinedAt = now;
            member.via = "FOUNDER";
            doc.members.add(member);
            doc.memberIds.add(organizationId);
            NetworkDocument.PositionEntry chair = new NetworkDocument.PositionEntry();
            chair.id = UUID.randomUUID().toString();
            chair.position = NetworkPosition.CHAIR;
            chair.personId = founder.get().id().value();
            chair.organizationId = organizationId;
            chair.since = now;
            doc.positions.add(chair);
        }
        mongo.insert(doc);
        NetworkId id = new NetworkId(doc.id);
        audit.record(scope(id), "audit.network.created", Map.of("name", doc.nameTh));
        events.publishEvent(new NetworkEvents.NetworkCreated(id, doc.nameTh));
        if (!doc.memberIds.isEmpty()) {
            events.publishEvent(new NetworkEvents.MemberJoined(id, new OrganizationId(doc.memberIds.getFirst())));
        }
        return id;
    }

    /** Changes the network's name, scope, description or visibility: administrators. */
    @PreAuthorize("@networkAccess.isAdministrator(#id)")
    public void update(NetworkId id, NetworkForm form) {
        NetworkDocument doc = store.find(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
        apply(doc, form);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())), new Update()
                .set("nameTh", doc.nameTh).set("nameEn", doc.nameEn).set("scope", doc.scope)
                .set("provinceCode", doc.provinceCode).set("description", doc.description)
                .set("visibility", doc.visibility).set("searchGrams", doc.searchGrams)
                .set("updatedAt", clock.instant()), NetworkDocument.class);
        audit.record(scope(id), "audit.network.updated", Map.of("name", doc.nameTh,
                "visibility", doc.visibility.name()));
    }

    @PreAuthorize("@networkAccess.canView(#id)")
    public Network find(NetworkId id) {
        return store.find(id.value()).map(NetworkService::toNetwork)
                .orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    /** A network's home page as the signed-in user may see it. */
    @PreAuthorize("@networkAccess.canView(#id)")
    public NetworkDetails details(NetworkId id) {
        NetworkDocument doc = store.find(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
        Optional<NetworkRole> role = access.role(doc);
        Map<OrganizationId, Organization> organizations = directory.organizations(
                doc.membersOrEmpty().stream().map(m -> new OrganizationId(m.organizationId)).toList());
        List<Member> members = doc.membersOrEmpty().stream()
                .filter(m -> organizations.containsKey(new OrganizationId(m.organizationId)))
                .map(m -> new Member(organizations.get(new OrganizationId(m.organizationId)), m.joinedAt))
                .toList();
        Map<String, Person> holders = new HashMap<>();
        people.people(doc.positionsOrEmpty().stream().map(p -> new PersonId(p.personId)).toList())
                .forEach(p -> holders.put(p.id().value(), p));
        List<PositionHolder> positions = doc.positionsOrEmpty().stream()
                .sorted(Comparator.comparing((NetworkDocument.PositionEntry p) -> p.position.ordinal())
                        .thenComparing(p -> p.since))
                .map(p -> new PositionHolder(p.id, p.position, new PersonId(p.personId),
                        holders.containsKey(p.personId) ? holders.get(p.personId).fullName() : "",
                        new OrganizationId(p.organizationId),
                        Optional.ofNullable(organizations.get(new OrganizationId(p.organizationId)))
                                .map(Organization::nameTh).orElse(""), p.since))
                .toList();
        Optional<OrganizationId> myOrganization = directoryAccess.currentOrganization();
        NetworkDetails.MyStatus status = NetworkDetails.MyStatus.NONE;
        if (myOrganization.isPresent()) {
            if (doc.hasMember(myOrganization.get().value())) {
                status = NetworkDetails.MyStatus.MEMBER;
            } else {
                MembershipRequestDocument pending = mongo.findOne(Query.query(Criteria.where("pendingKey")
                        .is(MembershipRequestDocument.pendingKey(doc.id, myOrganization.get().value()))),
                        MembershipRequestDocument.class);
                if (pending != null) {
                    status = pending.kind == MembershipRequest.Kind.INVITATION ? NetworkDetails.MyStatus.INVITED
                            : NetworkDetails.MyStatus.REQUESTED;
                }
            }
        }
        boolean canRepresent = myOrganization.map(directoryAccess::canRepresent).orElse(false);
        long pending = role.map(r -> r.atLeast(NetworkRole.SECRETARIAT)).orElse(false)
                || NetworkAccess.platformAdmin()
                ? mongo.count(Query.query(Criteria.where("networkId").is(doc.id).and("status")
                        .is(MembershipRequest.Status.PENDING).and("kind").is(MembershipRequest.Kind.REQUEST)),
                        MembershipRequestDocument.class)
                : 0;
        if (NetworkAccess.platformAdmin() && role.isEmpty()) {
            role = Optional.of(NetworkRole.ADMINISTRATOR);
        }
        return new NetworkDetails(toNetwork(doc), charter(doc), positions, members, role, myOrganization, status,
                canRepresent, pending);
    }

    /** Networks the signed-in user's organization belongs to. */
    @PreAuthorize("isAuthenticated()")
    public List<Network> myNetworks() {
        Optional<OrganizationId> mine = directoryAccess.currentOrganization();
        if (mine.isEmpty()) {
            return List.of();
        }
        return store.find(Query.query(Criteria.where("memberIds").is(mine.get().value())).with(Sort.by("nameTh")))
                .stream().map(NetworkService::toNetwork).toList();
    }

    /**
     * Networks the signed-in user may see — public ones and their own — matching a text (Thai or
     * English) and a scope; members-only networks of others never appear.
     */
    @PreAuthorize("isAuthenticated()")
    public List<Network> browse(String text, NetworkScope scope) {
        Query query = new Query();
        if (!NetworkAccess.platformAdmin()) {
            List<Criteria> visible = new ArrayList<>();
            visible.add(Criteria.where("visibility").is(NetworkVisibility.PUBLIC));
            directoryAccess.currentOrganization().ifPresent(o -> visible.add(Criteria.where("memberIds").is(o.value())));
            query.addCriteria(new Criteria().orOperator(visible));
        }
        if (scope != null) {
            query.addCriteria(Criteria.where("scope").is(scope));
        }
        List<String> terms = ThaiText.terms(text);
        if (text != null && !text.isBlank() && terms.isEmpty()) {
            return List.of();
        }
        if (!terms.isEmpty()) {
            query.addCriteria(Criteria.where("searchGrams").all(ThaiText.queryGrams(terms)));
        }
        query.with(Sort.by("nameTh")).limit(MAX_RESULTS);
        return store.find(query).stream()
                .filter(doc -> terms.isEmpty() || ThaiText.matches(terms, searchText(doc)))
                .map(NetworkService::toNetwork)
                .toList();
    }

    /**
     * Name and scope of a network for its public pages (news): only what every visitor may know.
     * Platform-internal; a members-only network has no public page.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<Network> publicInfo(NetworkId id) {
        return store.find(id.value()).filter(doc -> doc.visibility == NetworkVisibility.PUBLIC)
                .map(NetworkService::toNetwork);
    }

    /** Member organization ids of a network, for other modules (chat rooms, announcements' audiences). */
    @PreAuthorize("@networkAccess.canView(#id)")
    public List<OrganizationId> memberOrganizations(NetworkId id) {
        return store.find(id.value()).map(doc -> doc.memberIds.stream().map(OrganizationId::new).toList())
                .orElse(List.of());
    }

    static String scope(NetworkId id) {
        return "network:" + id.value();
    }

    static Charter charter(NetworkDocument doc) {
        NetworkDocument.CharterEntry c = doc.charter == null ? new NetworkDocument.CharterEntry() : doc.charter;
        return new Charter(c.vision, c.goals, c.version, c.updatedAt, c.updatedByName);
    }

    static Network toNetwork(NetworkDocument doc) {
        return new Network(new NetworkId(doc.id), doc.nameTh, doc.nameEn, doc.scope, doc.provinceCode, doc.description,
                doc.visibility, doc.memberIds == null ? 0 : doc.memberIds.size(), doc.createdAt);
    }

    private static String[] searchText(NetworkDocument doc) {
        String province = Provinces.byCode(doc.provinceCode).map(p -> p.nameTh() + " " + p.nameEn()).orElse("");
        return new String[] {doc.nameTh, doc.nameEn, doc.description, province};
    }

    private static void apply(NetworkDocument doc, NetworkForm form) {
        doc.nameTh = Validation.required(form.nameTh(), MAX_NAME);
        doc.nameEn = Validation.optional(form.nameEn(), MAX_NAME);
        if (form.scope() == null) {
            throw new UserFacingException("network.error.scope");
        }
        doc.scope = form.scope();
        if (form.scope() == NetworkScope.PROVINCIAL) {
            doc.provinceCode = Provinces.byCode(form.provinceCode()).map(p -> p.code())
                    .orElseThrow(() -> new UserFacingException("network.error.province"));
        } else {
            doc.provinceCode = null;
        }
        doc.description = Validation.optional(form.description(), MAX_DESCRIPTION);
        doc.visibility = form.visibility() == null ? NetworkVisibility.PUBLIC : form.visibility();
        doc.searchGrams = ThaiText.indexGrams(searchText(doc));
    }
}
