package th.phakhi.network;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
import th.phakhi.network.internal.MembershipRequestDocument;
import th.phakhi.network.internal.NetworkDocument;
import th.phakhi.network.internal.NetworkStore;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;

/**
 * Voluntary membership: an organization asks to join (its leader or a delegate acts for it) and
 * the network's secretariat or administrators approve or decline with a reason; or the network
 * invites and the organization accepts or declines. Either side is told. An organization leaves
 * when it wants; administrators can remove one with a reason. A request or invitation belongs to
 * one network and is only ever decided there.
 */
@Service
public class MembershipService {

    public static final int MAX_MESSAGE = 1000;

    private final NetworkStore store;
    private final DirectoryService directory;
    private final DirectoryAccess directoryAccess;
    private final PeopleService people;
    private final NotificationService notifications;
    private final AuditService audit;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MembershipService(NetworkStore store, DirectoryService directory, DirectoryAccess directoryAccess,
                      PeopleService people, NotificationService notifications, AuditService audit, MongoTemplate mongo,
                      Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.directory = directory;
        this.directoryAccess = directoryAccess;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** An organization asks to join a network it can see. */
    @PreAuthorize("@networkAccess.canRepresentIn(#networkId, #organization)")
    public MembershipRequest requestToJoin(NetworkId networkId, OrganizationId organization, String message) {
        NetworkDocument network = network(networkId);
        if (network.hasMember(organization.value())) {
            throw new UserFacingException("network.error.alreadyMember");
        }
        MembershipRequestDocument doc = open(network, organization, MembershipRequest.Kind.REQUEST,
                Validation.optional(message, MAX_MESSAGE));
        notifications.notify(managers(network), NotificationKind.JOIN_REQUEST, "notification.joinRequested",
                List.of(organizationName(organization), network.nameTh), link(networkId));
        return toRequest(doc, network);
    }

    /** The requesting organization takes its request back. */
    @PreAuthorize("@networkAccess.canAnswer(#networkId, #requestId)")
    public void withdraw(NetworkId networkId, String requestId) {
        close(networkId, requestId, MembershipRequest.Kind.REQUEST, MembershipRequest.Status.WITHDRAWN, null);
    }

    /** The secretariat or administrators invite an organization. */
    @PreAuthorize("@networkAccess.isSecretariat(#networkId)")
    public MembershipRequest invite(NetworkId networkId, OrganizationId organization, String message) {
        NetworkDocument network = network(networkId);
        if (directory.organizations(List.of(organization)).isEmpty()) {
            throw new UserFacingException("error.notFound");
        }
        if (network.hasMember(organization.value())) {
            throw new UserFacingException("network.error.alreadyMember");
        }
        MembershipRequestDocument doc = open(network, organization, MembershipRequest.Kind.INVITATION,
                Validation.optional(message, MAX_MESSAGE));
        audit.record(NetworkService.scope(networkId), "audit.network.invited",
                Map.of("organization", organizationName(organization)));
        notifications.notify(people.representativeAccounts(organization), NotificationKind.INVITATION,
                "notification.invited", List.of(network.nameTh), link(networkId));
        return toRequest(doc, network);
    }

    /** Approves a pending request of this network: the organization becomes a member. */
    @PreAuthorize("@networkAccess.isSecretariat(#networkId)")
    public void approve(NetworkId networkId, String requestId) {
        MembershipRequestDocument request = pending(networkId, requestId, MembershipRequest.Kind.REQUEST);
        NetworkDocument network = network(networkId);
        addMember(network, request.organizationId, "REQUEST");
        close(networkId, requestId, MembershipRequest.Kind.REQUEST, MembershipRequest.Status.APPROVED, null);
        audit.record(NetworkService.scope(networkId), "audit.network.approved",
                Map.of("organization", organizationName(new OrganizationId(request.organizationId))));
        notifications.notify(requesters(request), NotificationKind.JOIN_DECISION, "notification.joinApproved",
                List.of(network.nameTh), link(networkId));
        events.publishEvent(new NetworkEvents.MemberJoined(networkId, new OrganizationId(request.organizationId)));
    }

    /** Declines a pending request of this network; the reason is told to the organization. */
    @PreAuthorize("@networkAccess.isSecretariat(#networkId)")
    public void decline(NetworkId networkId, String requestId, String reason) {
        String why = Validation.required(reason, MAX_MESSAGE);
        MembershipRequestDocument request = pending(networkId, requestId, MembershipRequest.Kind.REQUEST);
        NetworkDocument network = network(networkId);
        close(networkId, requestId, MembershipRequest.Kind.REQUEST, MembershipRequest.Status.DECLINED, why);
        audit.record(NetworkService.scope(networkId), "audit.network.declined",
                Map.of("organization", organizationName(new OrganizationId(request.organizationId)), "reason", why));
        notifications.notify(requesters(request), NotificationKind.JOIN_DECISION, "notification.joinDeclined",
                List.of(network.nameTh, why), link(networkId));
    }

    /** The invited organization accepts: it becomes a member. */
    @PreAuthorize("@networkAccess.canAnswer(#networkId, #requestId)")
    public void acceptInvitation(NetworkId networkId, String requestId) {
        MembershipRequestDocument invitation = pending(networkId, requestId, MembershipRequest.Kind.INVITATION);
        NetworkDocument network = network(networkId);
        addMember(network, invitation.organizationId, "INVITATION");
        close(networkId, requestId, MembershipRequest.Kind.INVITATION, MembershipRequest.Status.APPROVED, null);
        audit.record(NetworkService.scope(networkId), "audit.network.invitationAccepted",
                Map.of("organization", organizationName(new OrganizationId(invitation.organizationId))));
        notifications.notify(managers(network), NotificationKind.MEMBERSHIP, "notification.invitationAccepted",
                List.of(organizationName(new OrganizationId(invitation.organizationId)), network.nameTh), link(networkId));
        events.publishEvent(new NetworkEvents.MemberJoined(networkId, new OrganizationId(invitation.organizationId)));
    }

    /** The invited organization declines, optionally saying why. */
    @PreAuthorize("@networkAccess.canAnswer(#networkId, #requestId)")
    public void declineInvitation(NetworkId networkId, String requestId, String reason) {
        String why = Validation.optional(reason, MAX_MESSAGE);
        MembershipRequestDocument invitation = pending(networkId, requestId, MembershipRequest.Kind.INVITATION);
        NetworkDocument network = network(networkId);
        close(networkId, requestId, MembershipRequest.Kind.INVITATION, MembershipRequest.Status.DECLINED, why);
        notifications.notify(managers(network), NotificationKind.MEMBERSHIP, "notification.invitationDeclined",
                List.of(organizationName(new OrganizationId(invitation.organizationId)), network.nameTh,
                        why == null ? "" : why), link(networkId));
    }

    /** An organization leaves a network; its people's positions in the network end with it. */
    @PreAuthorize("@directoryAccess.canRepresent(#organization) and @networkAccess.isMember(#networkId)")
    public void leave(NetworkId networkId, OrganizationId organization) {
        NetworkDocument network = network(networkId);
        removeMember(networkId, organization);
        audit.record(NetworkService.scope(networkId), "audit.network.left",
                Map.of("organization", organizationName(organization)));
        notifications.notify(managers(network), NotificationKind.MEMBERSHIP, "notification.memberLeft",
                List.of(organizationName(organization), network.nameTh), link(networkId));
        events.publishEvent(new NetworkEvents.MemberLeft(networkId, organization, false));
    }

    /** Administrators remove a member organization, with a reason the organization is told. */
    @PreAuthorize("@networkAccess.isAdministrator(#networkId)")
    public void remove(NetworkId networkId, OrganizationId organization, String reason) {
        String why = Validation.required(reason, MAX_MESSAGE);
        NetworkDocument network = network(networkId);
        if (!network.hasMember(organization.value())) {
            throw new UserFacingException("network.error.notMember");
        }
        removeMember(networkId, organization);
        audit.record(NetworkService.scope(networkId), "audit.network.removed",
                Map.of("organization", organizationName(organization), "reason", why));
        notifications.notify(people.representativeAccounts(organization), NotificationKind.MEMBERSHIP,
                "notification.removed", List.of(network.nameTh, why), "networks");
        events.publishEvent(new NetworkEvents.MemberLeft(networkId, organization, true));
    }

    /** Requests and invitations of a network, newest first; pending only or all. */
    @PreAuthorize("@networkAccess.isSecretariat(#networkId)")
    public List<MembershipRequest> requests(NetworkId networkId, boolean pendingOnly) {
        NetworkDocument network = network(networkId);
        Query query = Query.query(Criteria.where("networkId").is(networkId.value()));
        if (pendingOnly) {
            query.addCriteria(Criteria.where("status").is(MembershipRequest.Status.PENDING));
        }
        List<MembershipRequestDocument> docs = mongo.find(query
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(500), MembershipRequestDocument.class);
        Map<OrganizationId, Organization> organizations = directory.organizations(
                docs.stream().map(d -> new OrganizationId(d.organizationId)).toList());
        return docs.stream().map(d -> toRequest(d, network, organizations)).toList();
    }

    /** Pending invitations to the signed-in user's organization, across networks. */
    @PreAuthorize("isAuthenticated()")
    public List<MembershipRequest> myInvitations() {
        return mineOf(MembershipRequest.Kind.INVITATION);
    }

    /** Pending requests the signed-in user's organization made. */
    @PreAuthorize("isAuthenticated()")
    public List<MembershipRequest> myRequests() {
        return mineOf(MembershipRequest.Kind.REQUEST);
    }

    /** The pending request or invitation between the user's organization and a network, if any. */
    @PreAuthorize("isAuthenticated()")
    public Optional<MembershipRequest> pendingWith(NetworkId networkId) {
        Optional<OrganizationId> mine = directoryAccess.currentOrganization();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        MembershipRequestDocument doc = mongo.findOne(Query.query(Criteria.where("pendingKey")
                .is(MembershipRequestDocument.pendingKey(networkId.value(), mine.get().value()))),
                MembershipRequestDocument.class);
        if (doc == null) {
            return Optional.empty();
        }
        return store.find(doc.networkId).map(network -> toRequest(doc, network));
    }

    private List<MembershipRequest> mineOf(MembershipRequest.Kind kind) {
        Optional<OrganizationId> mine = directoryAccess.currentOrganization();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<MembershipRequest> result = new ArrayList<>();
        for (MembershipRequestDocument doc : mongo.find(Query.query(Criteria.where("organizationId")
                .is(mine.get().value()).and("kind").is(kind).and("status").is(MembershipRequest.Status.PENDING)),
                MembershipRequestDocument.class)) {
            store.find(doc.networkId).ifPresent(network -> result.add(toRequest(doc, network)));
        }
        return result;
    }

    private MembershipRequestDocument open(NetworkDocument network, OrganizationId organization,
                                           MembershipRequest.Kind kind, String message) {
        PhakhiUser user = CurrentUser.require();
        MembershipRequestDocument doc = new MembershipRequestDocument();
        doc.networkId = network.id;
        doc.organizationId = organization.value();
        doc.kind = kind;
        doc.status = MembershipRequest.Status.PENDING;
        doc.message = message;
        doc.requestedBy = user.accountId().value();
        doc.requestedByName = user.displayName();
        doc.createdAt = clock.instant();
        doc.pendingKey = MembershipRequestDocument.pendingKey(network.id, organization.value());
        try {
            return mongo.insert(doc);
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("network.error.alreadyPending");
        }
    }

    /** The pending request or invitation with this id <em>in this network</em>; anything else is "not found". */
    private MembershipRequestDocument pending(NetworkId networkId, String requestId, MembershipRequest.Kind kind) {
        MembershipRequestDocument doc = requestId == null ? null : mongo.findOne(Query.query(
                Criteria.where("_id").is(requestId).and("networkId").is(networkId.value()).and("kind").is(kind)),
                MembershipRequestDocument.class);
        if (doc == null) {
            throw new UserFacingException("error.notFound");
        }
        if (doc.status != MembershipRequest.Status.PENDING) {
            throw new UserFacingException("network.error.alreadyDecided");
        }
        return doc;
    }

    /** Closes a pending request atomically: only one of two simultaneous decisions wins. */
    private void close(NetworkId networkId, String requestId, MembershipRequest.Kind kind,
                       MembershipRequest.Status status, String reason) {
        PhakhiUser user = CurrentUser.require();
        Instant now = clock.instant();
        MembershipRequestDocument closed = mongo.findAndModify(Query.query(Criteria.where("_id").is(requestId)
                        .and("networkId").is(networkId.value()).and("kind").is(kind)
                        .and("status").is(MembershipRequest.Status.PENDING)),
                new Update().set("status", status).set("decidedBy", user.accountId().value())
                        .set("decidedByName", user.displayName()).set("decidedAt", now).set("reason", reason)
                        .unset("pendingKey"),
                FindAndModifyOptions.options().returnNew(true), MembershipRequestDocument.class);
        if (closed == null) {
            throw new UserFacingException("network.error.alreadyDecided");
        }
    }

    /** Adds a member unless it already is one (idempotent, so a retried approval is harmless). */
    private void addMember(NetworkDocument network, String organizationId, String via) {
        NetworkDocument.MemberEntry entry = new NetworkDocument.MemberEntry();
        entry.organizationId = organizationId;
        entry.joinedAt = clock.instant();
        entry.via = via;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(network.id).and("memberIds").ne(organizationId)),
                new Update().push("members", entry).push("memberIds", organizationId).set("updatedAt", clock.instant()),
                NetworkDocument.class);
    }

    private void removeMember(NetworkId networkId, OrganizationId organization) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(networkId.value())),
                new Update().pull("members", Query.query(Criteria.where("organizationId").is(organization.value()))
                                .getQueryObject())
                        .pull("memberIds", organization.value())
                        .pull("positions", Query.query(Criteria.where("organizationId").is(organization.value()))
                                .getQueryObject())
                        .set("updatedAt", clock.instant()),
                NetworkDocument.class);
    }

    private NetworkDocument network(NetworkId id) {
        return store.find(id.value()).orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    /** Those who handle membership: holders of administrator and secretariat positions. */
    private Set<AccountId> managers(NetworkDocument network) {
        Set<AccountId> accounts = new HashSet<>();
        List<th.phakhi.directory.PersonId> holders = network.positionsOrEmpty().stream()
                .filter(p -> NetworkPosition.ADMINISTRATORS.contains(p.position) || p.position == NetworkPosition.SECRETARIAT)
                .map(p -> new th.phakhi.directory.PersonId(p.personId)).toList();
        people.people(holders).forEach(p -> {
            if (p.accountId() != null) {
                accounts.add(p.accountId());
            }
        });
        return accounts;
    }

    private Set<AccountId> requesters(MembershipRequestDocument request) {
        Set<AccountId> accounts = new HashSet<>(people.representativeAccounts(new OrganizationId(request.organizationId)));
        if (request.requestedBy != null) {
            accounts.add(new AccountId(request.requestedBy));
        }
        return accounts;
    }

    private String organizationName(OrganizationId id) {
        return directory.organizations(List.of(id)).values().stream().findFirst().map(Organization::nameTh).orElse("");
    }

    private static String link(NetworkId id) {
        return "networks/" + id.value();
    }

    private MembershipRequest toRequest(MembershipRequestDocument doc, NetworkDocument network) {
        return toRequest(doc, network, directory.organizations(List.of(new OrganizationId(doc.organizationId))));
    }

    private static MembershipRequest toRequest(MembershipRequestDocument doc, NetworkDocument network,
                                               Map<OrganizationId, Organization> organizations) {
        return new MembershipRequest(doc.id, new NetworkId(doc.networkId), network.nameTh, doc.kind,
                organizations.get(new OrganizationId(doc.organizationId)), doc.message, doc.status,
                doc.requestedByName, doc.createdAt, doc.decidedByName, doc.decidedAt, doc.reason);
    }
}
