package th.phakhi.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.announcement.internal.AnnouncementDocument;
import th.phakhi.announcement.internal.ReplyDocument;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.Link;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.mongo.Lease;
import th.phakhi.shared.Validation;
import th.phakhi.shared.text.Markdown;
import th.phakhi.shared.text.SpreadsheetCsv;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupId;
import th.phakhi.workinggroup.WorkingGroupService;

/**
 * Announcements: the secretariat posts (now or at a time), members read and acknowledge, the
 * secretariat sees who has and reminds who has not. Only what is marked public reaches the
 * network's public news page.
 */
@Service
public class AnnouncementService {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementService.class);

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_LINKS = 10;
    public static final int MAX_REPLY = 2_000;

    private final MongoTemplate mongo;
    private final AnnouncementAccess access;
    private final DirectoryAccess directoryAccess;
    private final DirectoryService directory;
    private final PeopleService people;
    private final NetworkService networks;
    private final WorkingGroupService groups;
    private final NotificationService notifications;
    private final AuditService audit;
    private final LiveEvents live;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AnnouncementService(MongoTemplate mongo, AnnouncementAccess access, DirectoryAccess directoryAccess,
                        DirectoryService directory, PeopleService people, NetworkService networks,
                        WorkingGroupService groups, NotificationService notifications, AuditService audit,
                        LiveEvents live, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.access = access;
        this.directoryAccess = directoryAccess;
        this.directory = directory;
        this.people = people;
        this.networks = networks;
        this.groups = groups;
        this.notifications = notifications;
        this.audit = audit;
        this.live = live;
        this.clock = clock;
        this.events = events;
    }

    /** The live topic of a network's announcements and updates. */
    public static String topic(NetworkId network) {
        return "network:" + network.value();
    }

    // ---------------------------------------------------------------- writing

    @PreAuthorize("@networkAccess.isSecretariat(#network)")
    public AnnouncementId post(NetworkId network, AnnouncementForm form) {
        PhakhiUser user = CurrentUser.require();
        AnnouncementDocument doc = new AnnouncementDocument();
        doc.networkId = network.value();
        apply(doc, form);
        Instant now = clock.instant();
        doc.authorAccountId = user.accountId().value();
        doc.authorName = user.displayName();
        doc.createdAt = now;
        doc.published = false;
        mongo.insert(doc);
        audit.record("network:" + network.value(), "audit.announcement.posted", Map.of("name", doc.title));
        AnnouncementId id = new AnnouncementId(doc.id);
        if (!doc.publishAt.isAfter(now)) {
            publishIfDue(doc.id);
        }
        return id;
    }

    @PreAuthorize("@announcementAccess.canManage(#id)")
    public void update(AnnouncementId id, AnnouncementForm form) {
        AnnouncementDocument doc = load(id);
        boolean wasPublished = doc.published;
        apply(doc, form);
        doc.editedAt = clock.instant();
        mongo.save(doc);
        audit.record("network:" + doc.networkId, "audit.announcement.edited", Map.of("name", doc.title));
        if (wasPublished) {
            live.publish(topic(new NetworkId(doc.networkId)), "announcement-updated", doc.id, 0, Map.of());
        } else if (!doc.publishAt.isAfter(clock.instant())) {
            publishIfDue(doc.id);
        }
    }

    @PreAuthorize("@announcementAccess.canManage(#id)")
    public void setPinned(AnnouncementId id, boolean pinned) {
        AnnouncementDocument doc = load(id);
        mongo.updateFirst(byId(id), Update.update("pinned", pinned), AnnouncementDocument.class);
        audit.record("network:" + doc.networkId, pinned ? "audit.announcement.pinned" : "audit.announcement.unpinned",
                Map.of("name", doc.title));
    }

    // ---------------------------------------------------------------- publishing (once)

    /** Publishes announcements whose time has come: on every node every few seconds; each is published once. */
    @Scheduled(fixedDelayString = "${phakhi.announcements.publish-interval:PT10S}",
            initialDelayString = "${phakhi.announcements.publish-initial-delay:PT5S}")
    public void publishDue() {
        Query due = Query.query(Criteria.where("published").is(false).and("publishAt").lte(clock.instant()));
        due.fields().include("_id");
        for (AnnouncementDocument doc : mongo.find(due, AnnouncementDocument.class)) {
            publishIfDue(doc.id);
        }
    }

    /**
     * Publishes once, even across crashes: a node claims the work for a {@link Lease}, tells
     * everyone (notifications and the feed item keyed by the announcement, so a redo adds nothing),
     * then marks it published. A node killed in between leaves the claim to expire; whichever node
     * polls next does the rest. Only then is the announcement visible to readers.
     */
    private void publishIfDue(String id) {
        Instant now = clock.instant();
        AnnouncementDocument doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("published").is(false)
                        .and("publishAt").lte(now).andOperator(Lease.free("publishClaimUntil", now))),
                Lease.take("publishClaimUntil", now),
                FindAndModifyOptions.options().returnNew(true), AnnouncementDocument.class);
        if (doc == null) {
            return;
        }
        SystemRunner.run(() -> {
            NetworkId network = new NetworkId(doc.networkId);
            String networkName = networks.find(network).nameTh();
            String key = doc.category == Category.URGENT ? "notification.announcementUrgent" : "notification.announcement";
            List<AccountId> audience = audience(doc).stream()
                    .filter(a -> !a.value().equals(doc.authorAccountId)).toList(); // the author knows
            notifications.notifyOnce("announcement-" + doc.id, audience, NotificationKind.ANNOUNCEMENT, key,
                    List.of(networkName, doc.title), link(doc.id));
            events.publishEvent(new AnnouncementEvents.AnnouncementPublished(new AnnouncementId(doc.id), network,
                    doc.title, doc.category));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id)),
                    new Update().set("published", true).unset("publishClaimUntil"), AnnouncementDocument.class);
            live.publish(topic(network), "announcement", doc.id, 0, Map.of());
        });
        LOG.info("Published announcement {} of network {} (due {})", doc.id, doc.networkId, doc.publishAt);
    }

    // ---------------------------------------------------------------- reading

    /** The network's announcements the signed-in user may read: pinned first, newest first. */
    @PreAuthorize("@networkAccess.isMember(#network) or @networkAccess.isSecretariat(#network)")
    public List<Announcement> list(NetworkId network, boolean includeExpired) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("networkId").is(network.value()))
                .with(Sort.by(Sort.Direction.DESC, "publishAt")).limit(200);
        Optional<OrganizationId> mine = access.myOrganization();
        return mongo.find(query, AnnouncementDocument.class).stream()
                .filter(access::canRead)
                .filter(d -> includeExpired || d.expiresAt == null || d.expiresAt.isAfter(now))
                .sorted(Comparator.comparing((AnnouncementDocument d) -> !d.pinned))
                .map(d -> toAnnouncement(d, mine, false))
                .toList();
    }

    @PreAuthorize("@announcementAccess.canRead(#id)")
    public Announcement find(AnnouncementId id) {
        AnnouncementDocument doc = load(id);
        return toAnnouncement(doc, access.myOrganization(), access.canAcknowledge(id));
    }

    /** Announcements of all the user's networks that ask for their organization's acknowledgement and lack it. */
    @PreAuthorize("isAuthenticated()")
    public List<Announcement> awaitingMyAcknowledgement() {
        Optional<OrganizationId> mine = access.myOrganization();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<String> networkIds = networks.myNetworks().stream().map(n -> n.id().value()).toList();
        Query query = Query.query(Criteria.where("networkId").in(networkIds).and("published").is(true)
                .and("acknowledgementRequired").is(true).and("acks." + mine.get().value()).exists(false))
                .with(Sort.by(Sort.Direction.DESC, "publishAt")).limit(50);
        return mongo.find(query, AnnouncementDocument.class).stream()
                .filter(access::canRead)
                .map(d -> toAnnouncement(d, mine, access.canAcknowledge(new AnnouncementId(d.id))))
                .filter(Announcement::canAcknowledge)
                .toList();
    }

    // ---------------------------------------------------------------- acknowledgement

    /** รับทราบ: records the organization's acknowledgement once (a second press changes nothing). */
    @PreAuthorize("@announcementAccess.canAcknowledge(#id)")
    public void acknowledge(AnnouncementId id) {
        PhakhiUser user = CurrentUser.require();
        OrganizationId organization = access.myOrganization().orElseThrow();
        AnnouncementDocument.Ack ack = new AnnouncementDocument.Ack();
        ack.at = clock.instant();
        ack.byAccountId = user.accountId().value();
        ack.byName = user.displayName();
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())
                        .and("acks." + organization.value()).exists(false)),
                Update.update("acks." + organization.value(), ack), AnnouncementDocument.class);
        if (result.getModifiedCount() > 0) {
            AnnouncementDocument doc = load(id);
            live.publish(topic(new NetworkId(doc.networkId)), "acknowledged", doc.id, 0, Map.of());
        }
    }

    /** Every organization of the audience: acknowledged or not, when, by whom. Organizations that have not come first. */
    @PreAuthorize("@announcementAccess.canManage(#id)")
    public List<Acknowledgement> acknowledgements(AnnouncementId id) {
        AnnouncementDocument doc = load(id);
        Map<OrganizationId, Organization> organizations = directory.organizations(expectedOrganizations(doc));
        List<Acknowledgement> result = new ArrayList<>();
        for (Organization organization : organizations.values()) {
            AnnouncementDocument.Ack ack = doc.acks.get(organization.id().value());
            result.add(new Acknowledgement(organization, ack != null, ack == null ? null : ack.at,
                    ack == null ? null : ack.byName));
        }
        result.sort(Comparator.comparing(Acknowledgement::acknowledged)
                .thenComparing(a -> a.organization().nameTh()));
        return result;
    }

    /** Reminds the organizations that have not acknowledged (in the app, and by e-mail when configured). */
    @PreAuthorize("@announcementAccess.canManage(#id)")
    public int remind(AnnouncementId id) {
        AnnouncementDocument doc = load(id);
        List<AccountId> recipients = new ArrayList<>();
        int organizations = 0;
        for (OrganizationId organization : expectedOrganizations(doc)) {
            if (!doc.acks.containsKey(organization.value())) {
                organizations++;
                recipients.addAll(people.representativeAccounts(organization));
            }
        }
        String networkName = networks.find(new NetworkId(doc.networkId)).nameTh();
        notifications.notify(recipients, NotificationKind.REMINDER, "notification.acknowledgeReminder",
                List.of(networkName, doc.title), link(doc.id));
        mongo.updateFirst(byId(id), Update.update("lastReminderAt", clock.instant()), AnnouncementDocument.class);
        audit.record("network:" + doc.networkId, "audit.announcement.reminded", Map.of("name", doc.title,
                "organizations", String.valueOf(organizations)));
        return organizations;
    }

    /**
     * The acknowledgement list as CSV (UTF-8 with a byte-order mark, so Excel shows Thai). Values
     * that a spreadsheet would run as a formula (= + - @) are prefixed with an apostrophe.
     */
    @PreAuthorize("@announcementAccess.canManage(#id)")
    public String acknowledgementsCsv(AnnouncementId id, java.util.Locale locale) {
        AnnouncementDocument doc = load(id);
        List<List<String>> rows = new ArrayList<>();
        for (Acknowledgement a : acknowledgements(id)) {
            rows.add(java.util.Arrays.asList(a.organization().code(), a.organization().nameTh(),
                    a.acknowledged() ? "yes" : "no",
                    a.at() == null ? "" : th.phakhi.shared.i18n.DateFormats.dateTime(a.at(), locale), a.byName()));
        }
        String csv = SpreadsheetCsv.write(List.of("code", "organization", "acknowledged", "at", "by"), rows);
        audit.record("network:" + doc.networkId, "audit.announcement.exported", Map.of("name", doc.title));
        return csv;
    }

    // ---------------------------------------------------------------- replies

    @PreAuthorize("@announcementAccess.canRead(#id)")
    public Reply reply(AnnouncementId id, String text) {
        String body = Validation.required(Markdown.clean(text), MAX_REPLY);
        PhakhiUser user = CurrentUser.require();
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("error.accessDenied"));
        ReplyDocument doc = new ReplyDocument();
        doc.announcementId = id.value();
        doc.authorAccountId = user.accountId().value();
        doc.authorName = me.fullName();
        doc.organizationName = directory.organizations(List.of(me.organizationId())).values().stream().findFirst()
                .map(Organization::nameTh).orElse("");
        doc.text = body;
        doc.at = clock.instant();
        mongo.insert(doc);
        AnnouncementDocument announcement = load(id);
        live.publish(topic(new NetworkId(announcement.networkId)), "reply", announcement.id, 0, Map.of());
        return toReply(doc);
    }

    @PreAuthorize("@announcementAccess.canRead(#id)")
    public List<Reply> replies(AnnouncementId id) {
        return mongo.find(Query.query(Criteria.where("announcementId").is(id.value())).with(Sort.by("at")).limit(500),
                ReplyDocument.class).stream().map(AnnouncementService::toReply).toList();
    }

    // ---------------------------------------------------------------- public news

    /** A network's public news, readable without signing in: only announcements marked public and published. */
    @PreAuthorize("permitAll()")
    public Optional<PublicNews> publicNews(NetworkId network) {
        if (network == null || network.value().length() > 64) {
            return Optional.empty();
        }
        List<AnnouncementDocument> items = mongo.find(Query.query(Criteria.where("networkId").is(network.value())
                .and("isPublic").is(true).and("published").is(true)).with(Sort.by(Sort.Direction.DESC, "publishAt"))
                .limit(50), AnnouncementDocument.class);
        Optional<Network> found = SystemRunner.call(() -> networks.publicInfo(network));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublicNews(network, found.get().nameTh(), found.get().nameEn(), items.stream()
                .map(d -> toAnnouncement(d, Optional.empty(), false)).toList()));
    }

    /** One public announcement by id; anything not public and published is "not there". */
    @PreAuthorize("permitAll()")
    public Optional<Announcement> publicAnnouncement(AnnouncementId id) {
        return access.load(id).filter(d -> d.isPublic && d.published)
                .map(d -> toAnnouncement(d, Optional.empty(), false));
    }

    /** A network's public page: its name and its public announcements. */
    public record PublicNews(NetworkId networkId, String nameTh, String nameEn, List<Announcement> items) {
    }

    // ---------------------------------------------------------------- helpers

    private void apply(AnnouncementDocument doc, AnnouncementForm form) {
        doc.title = Validation.required(Markdown.clean(form.title()), MAX_TITLE);
        doc.body = Validation.required(Markdown.clean(form.body()), MAX_BODY);
        doc.html = Markdown.toHtml(doc.body);
        if (form.category() == null) {
            throw new UserFacingException("announcement.error.category");
        }
        doc.category = form.category();
        if (form.group() != null) {
            WorkingGroup group = groups.find(form.group());
            if (!group.networkId().value().equals(doc.networkId)) {
                throw new UserFacingException("error.notFound");
            }
            doc.groupId = group.id().value();
        } else {
            doc.groupId = null;
        }
        List<Link> links = Link.checked(form.links(), MAX_LINKS);
        doc.links = links;
        Instant now = clock.instant();
        doc.publishAt = form.publishAt() == null ? (doc.publishAt == null ? now : doc.publishAt) : form.publishAt();
        if (form.expiresAt() != null && !form.expiresAt().isAfter(doc.publishAt)) {
            throw new UserFacingException("announcement.error.expiry");
        }
        doc.expiresAt = form.expiresAt();
        doc.pinned = form.pinned();
        doc.acknowledgementRequired = form.acknowledgementRequired();
        doc.isPublic = form.isPublic();
    }

    /** Member organizations expected to acknowledge: the network's, or those with people in the group. */
    private List<OrganizationId> expectedOrganizations(AnnouncementDocument doc) {
        if (doc.groupId == null) {
            return SystemRunner.call(() -> networks.memberOrganizations(new NetworkId(doc.networkId)));
        }
        Set<OrganizationId> organizations = new LinkedHashSet<>();
        SystemRunner.run(() -> people.people(groups.find(new WorkingGroupId(doc.groupId)).members())
                .forEach(p -> organizations.add(p.organizationId())));
        return new ArrayList<>(organizations);
    }

    /** Accounts of the audience. */
    private List<AccountId> audience(AnnouncementDocument doc) {
        List<AccountId> accounts = new ArrayList<>();
        if (doc.groupId == null) {
            for (OrganizationId organization : networks.memberOrganizations(new NetworkId(doc.networkId))) {
                people.peopleOf(organization).stream().map(Person::accountId).filter(java.util.Objects::nonNull)
                        .forEach(accounts::add);
            }
        } else {
            people.people(groups.find(new WorkingGroupId(doc.groupId)).members()).stream().map(Person::accountId)
                    .filter(java.util.Objects::nonNull).forEach(accounts::add);
        }
        return accounts;
    }

    private AnnouncementDocument load(AnnouncementId id) {
        return access.load(id).orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    private static Query byId(AnnouncementId id) {
        return Query.query(Criteria.where("_id").is(id.value()));
    }

    static String link(String id) {
        return "announcements/" + id;
    }

    private static Announcement toAnnouncement(AnnouncementDocument d, Optional<OrganizationId> mine, boolean canAck) {
        boolean acked = mine.map(o -> d.acks.containsKey(o.value())).orElse(false);
        return new Announcement(new AnnouncementId(d.id), new NetworkId(d.networkId), d.title, d.body, d.html,
                d.category, d.groupId == null ? null : new WorkingGroupId(d.groupId), d.links, d.publishAt, d.expiresAt,
                d.pinned, d.acknowledgementRequired, d.isPublic, d.published, d.authorName, d.createdAt, d.editedAt,
                acked, canAck && !acked);
    }

    private static Reply toReply(ReplyDocument d) {
        return new Reply(d.id, d.authorName, d.organizationName, d.text, d.at);
    }
}
