package th.phakhi.workinggroup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.network.NetworkEvents;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;
import th.phakhi.workinggroup.internal.WorkingGroupDocument;

/** Working groups of a network and who is in them. */
@Service
public class WorkingGroupService {

    public static final int MAX_NAME = 200;
    public static final int MAX_MANDATE = 4000;

    private final MongoTemplate mongo;
    private final WorkingGroupAccess access;
    private final DirectoryAccess directoryAccess;
    private final NetworkService networks;
    private final PeopleService people;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkingGroupService(MongoTemplate mongo, WorkingGroupAccess access, DirectoryAccess directoryAccess,
                        NetworkService networks, PeopleService people, NotificationService notifications,
                        AuditService audit, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.access = access;
        this.directoryAccess = directoryAccess;
        this.networks = networks;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @PreAuthorize("@networkAccess.isAdministrator(#networkId)")
    public WorkingGroupId create(NetworkId networkId, WorkingGroupForm form) {
        WorkingGroupDocument doc = new WorkingGroupDocument();
        doc.networkId = networkId.value();
        apply(doc, form);
        Instant now = clock.instant();
        doc.createdBy = CurrentUser.require().accountId().value();
        doc.createdAt = now;
        doc.updatedAt = now;
        mongo.insert(doc);
        WorkingGroupId id = new WorkingGroupId(doc.id);
        audit.record("network:" + networkId.value(), "audit.wg.created", Map.of("name", doc.name));
        notifications.notify(accounts(doc.memberIds), NotificationKind.MEMBERSHIP, "notification.wgAdded",
                List.of(doc.name), link(id));
        events.publishEvent(new WorkingGroupEvents.WorkingGroupCreated(id, networkId, doc.name));
        return id;
    }

    @PreAuthorize("@wgAccess.canManage(#id)")
    public void update(WorkingGroupId id, WorkingGroupForm form) {
        WorkingGroupDocument doc = load(id);
        Set<String> before = new HashSet<>(doc.memberIds);
        apply(doc, form);
        doc.updatedAt = clock.instant();
        doc.pendingJoinIds.removeAll(doc.memberIds);
        mongo.save(doc);
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(doc.memberIds);
        Set<String> added = new HashSet<>(doc.memberIds);
        added.removeAll(before);
        if (!added.isEmpty()) {
            notifications.notify(accounts(added), NotificationKind.MEMBERSHIP, "notification.wgAdded",
                    List.of(doc.name), link(id));
        }
        if (!removed.isEmpty()) {
            events.publishEvent(new WorkingGroupEvents.MembersRemoved(id, personIds(removed)));
        }
        audit.record("network:" + doc.networkId, "audit.wg.updated", Map.of("name", doc.name));
    }

    /** Closing makes the group read-only; reopening lets it talk again. */
    @PreAuthorize("@wgAccess.canManage(#id)")
    public void setStatus(WorkingGroupId id, WorkingGroup.Status status) {
        WorkingGroupDocument doc = load(id);
        mongo.updateFirst(byId(id), Update.update("status", status).set("updatedAt", clock.instant()),
                WorkingGroupDocument.class);
        audit.record("network:" + doc.networkId, status == WorkingGroup.Status.CLOSED ? "audit.wg.closed"
                : "audit.wg.reopened", Map.of("name", doc.name));
        events.publishEvent(new WorkingGroupEvents.StatusChanged(id, status));
    }

    /** A network member asks to join an active group; the lead decides. */
    @PreAuthorize("@wgAccess.canSee(#id)")
    public void requestToJoin(WorkingGroupId id) {
        WorkingGroupDocument doc = load(id);
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("error.accessDenied"));
        if (doc.status != WorkingGroup.Status.ACTIVE) {
            throw new UserFacingException("wg.error.closed");
        }
        if (doc.memberIds.contains(me.id().value())) {
            throw new UserFacingException("wg.error.alreadyMember");
        }
        mongo.updateFirst(byId(id), new Update().addToSet("pendingJoinIds", me.id().value()), WorkingGroupDocument.class);
        notifications.notify(accounts(List.of(doc.leadPersonId)), NotificationKind.JOIN_REQUEST,
                "notification.wgJoinRequested", List.of(me.fullName(), doc.name), link(id));
    }

    @PreAuthorize("@wgAccess.canManage(#id)")
    public void approveJoin(WorkingGroupId id, PersonId person) {
        WorkingGroupDocument doc = load(id);
        if (!doc.pendingJoinIds.contains(person.value())) {
            throw new UserFacingException("error.notFound");
        }
        requireInNetwork(doc, List.of(person.value()));
        mongo.updateFirst(byId(id), new Update().pull("pendingJoinIds", person.value())
                .addToSet("memberIds", person.value()), WorkingGroupDocument.class);
        notifications.notify(accounts(List.of(person.value())), NotificationKind.JOIN_DECISION,
                "notification.wgJoinApproved", List.of(doc.name), link(id));
    }

    @PreAuthorize("@wgAccess.canManage(#id)")
    public void declineJoin(WorkingGroupId id, PersonId person) {
        WorkingGroupDocument doc = load(id);
        mongo.updateFirst(byId(id), new Update().pull("pendingJoinIds", person.value()), WorkingGroupDocument.class);
        notifications.notify(accounts(List.of(person.value())), NotificationKind.JOIN_DECISION,
                "notification.wgJoinDeclined", List.of(doc.name), link(id));
    }

    /** The lead or a network administrator removes someone; their access to the room ends at once. */
    @PreAuthorize("@wgAccess.canManage(#id)")
    public void removeMember(WorkingGroupId id, PersonId person) {
        WorkingGroupDocument doc = load(id);
        if (person.value().equals(doc.leadPersonId)) {
            throw new UserFacingException("wg.error.leadStays");
        }
        mongo.updateFirst(byId(id), new Update().pull("memberIds", person.value()), WorkingGroupDocument.class);
        audit.record("network:" + doc.networkId, "audit.wg.memberRemoved", Map.of("name", doc.name,
                "person", people.people(List.of(person)).stream().findFirst().map(Person::fullName).orElse("")));
        events.publishEvent(new WorkingGroupEvents.MembersRemoved(id, Set.of(person)));
    }

    @PreAuthorize("@wgAccess.isMember(#id)")
    public void leave(WorkingGroupId id) {
        WorkingGroupDocument doc = load(id);
        Person me = directoryAccess.currentPerson().orElseThrow();
        if (me.id().value().equals(doc.leadPersonId)) {
            throw new UserFacingException("wg.error.leadStays");
        }
        mongo.updateFirst(byId(id), new Update().pull("memberIds", me.id().value()), WorkingGroupDocument.class);
        events.publishEvent(new WorkingGroupEvents.MembersRemoved(id, Set.of(me.id())));
    }

    @PreAuthorize("@networkAccess.isMember(#networkId) or hasRole('PLATFORM_ADMIN')")
    public List<WorkingGroup> groupsOf(NetworkId networkId) {
        return mongo.find(Query.query(Criteria.where("networkId").is(networkId.value())).with(Sort.by("name")),
                WorkingGroupDocument.class).stream().map(WorkingGroupService::toGroup).toList();
    }

    @PreAuthorize("@wgAccess.canSee(#id)")
    public WorkingGroup find(WorkingGroupId id) {
        return toGroup(load(id));
    }

    /** Groups the signed-in person is a member of (while their organization is in the network). */
    @PreAuthorize("isAuthenticated()")
    public List<WorkingGroup> myGroups() {
        return directoryAccess.currentPerson().map(me -> mongo.find(Query.query(Criteria.where("memberIds")
                        .is(me.id().value())).with(Sort.by("name")), WorkingGroupDocument.class).stream()
                .filter(doc -> access.isMember(new WorkingGroupId(doc.id)))
                .map(WorkingGroupService::toGroup).toList()).orElse(List.of());
    }

    /** When an organization leaves a network, its people leave that network's working groups. */
    @EventListener
    void organizationLeft(NetworkEvents.MemberLeft event) {
        SystemRunner.run(() -> {
            Set<String> leaving = new HashSet<>();
            people.peopleOf(event.organizationId()).forEach(p -> leaving.add(p.id().value()));
            if (leaving.isEmpty()) {
                return;
            }
            for (WorkingGroupDocument doc : mongo.find(Query.query(Criteria.where("networkId")
                    .is(event.networkId().value())), WorkingGroupDocument.class)) {
                Set<String> removed = new HashSet<>(doc.memberIds);
                removed.retainAll(leaving);
                if (removed.isEmpty()) {
                    continue;
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id)), new Update()
                        .pullAll("memberIds", removed.toArray()).pullAll("pendingJoinIds", removed.toArray()),
                        WorkingGroupDocument.class);
                events.publishEvent(new WorkingGroupEvents.MembersRemoved(new WorkingGroupId(doc.id), personIds(removed)));
            }
        });
    }

    private void apply(WorkingGroupDocument doc, WorkingGroupForm form) {
        doc.name = Validation.required(form.name(), MAX_NAME);
        doc.mandate = Validation.optional(form.mandate(), MAX_MANDATE);
        if (form.lead() == null) {
            throw new UserFacingException("wg.error.lead");
        }
        Set<String> members = new LinkedHashSet<>();
        members.add(form.lead().value());
        if (form.members() != null) {
            form.members().forEach(p -> members.add(p.value()));
        }
        requireInNetwork(doc, members);
        doc.leadPersonId = form.lead().value();
        doc.memberIds = new ArrayList<>(members);
    }

    private void requireInNetwork(WorkingGroupDocument doc, java.util.Collection<String> personIds) {
        Set<String> memberOrganizations = new HashSet<>();
        networks.memberOrganizations(new NetworkId(doc.networkId)).forEach(o -> memberOrganizations.add(o.value()));
        List<Person> found = people.people(personIds.stream().map(PersonId::new).toList());
        if (found.size() != new HashSet<>(personIds).size()
                || found.stream().anyMatch(p -> !memberOrganizations.contains(p.organizationId().value()))) {
            throw new UserFacingException("wg.error.outsideNetwork");
        }
    }

    private List<AccountId> accounts(java.util.Collection<String> personIds) {
        return people.people(personIds.stream().map(PersonId::new).toList()).stream()
                .map(Person::accountId).filter(java.util.Objects::nonNull).toList();
    }

    private WorkingGroupDocument load(WorkingGroupId id) {
        return access.load(id).orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    private static Query byId(WorkingGroupId id) {
        return Query.query(Criteria.where("_id").is(id.value()));
    }

    private static Set<PersonId> personIds(java.util.Collection<String> ids) {
        Set<PersonId> result = new HashSet<>();
        ids.forEach(i -> result.add(new PersonId(i)));
        return result;
    }

    static String link(WorkingGroupId id) {
        return "groups/" + id.value();
    }

    static WorkingGroup toGroup(WorkingGroupDocument doc) {
        return new WorkingGroup(new WorkingGroupId(doc.id), new NetworkId(doc.networkId), doc.name, doc.mandate,
                new PersonId(doc.leadPersonId), doc.memberIds.stream().map(PersonId::new).toList(),
                doc.pendingJoinIds.stream().map(PersonId::new).toList(), doc.status, doc.createdAt);
    }
}
