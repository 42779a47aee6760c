package th.phakhi.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.announcement.AnnouncementEvents;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.Person;
import th.phakhi.feed.internal.FeedDocument;
import th.phakhi.network.NetworkEvents;
import th.phakhi.network.NetworkId;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.Link;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;
import th.phakhi.shared.text.Markdown;
import th.phakhi.workinggroup.WorkingGroupEvents;

/** A network's updates feed: members post, the platform adds what happened; newest first, paged by time. */
@Service
public class FeedService {

    public static final int MAX_TEXT = 1_000;
    public static final int PAGE = 20;

    private final MongoTemplate mongo;
    private final DirectoryAccess directoryAccess;
    private final DirectoryService directory;
    private final LiveEvents live;
    private final Clock clock;

    FeedService(MongoTemplate mongo, DirectoryAccess directoryAccess, DirectoryService directory, LiveEvents live,
                Clock clock) {
        this.mongo = mongo;
        this.directoryAccess = directoryAccess;
        this.directory = directory;
        this.live = live;
        this.clock = clock;
    }

    /** A member posts a short update, optionally with a link. */
    @PreAuthorize("@networkAccess.isMember(#network)")
    public FeedItem post(NetworkId network, String text, String url) {
        String body = Validation.required(Markdown.clean(text), MAX_TEXT);
        String link = Link.url(url);
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("error.accessDenied"));
        FeedDocument doc = new FeedDocument();
        doc.networkId = network.value();
        doc.kind = FeedItem.Kind.POST;
        doc.authorAccountId = CurrentUser.require().accountId().value();
        doc.authorName = me.fullName();
        doc.organizationName = directory.organizations(List.of(me.organizationId())).values().stream().findFirst()
                .map(Organization::nameTh).orElse("");
        doc.text = body;
        doc.url = link;
        return store(doc);
    }

    /**
     * Newest first; {@code olderThan} (the last item already shown, or null for the newest) pages
     * back in time. Items of the same instant are told apart by id, so none is skipped or repeated.
     */
    @PreAuthorize("@networkAccess.isMember(#network) or @networkAccess.isSecretariat(#network)")
    public List<FeedItem> items(NetworkId network, FeedItem olderThan, int limit) {
        Query query = Query.query(Criteria.where("networkId").is(network.value()));
        if (olderThan != null) {
            query.addCriteria(new Criteria().orOperator(Criteria.where("at").lt(olderThan.at()),
                    new Criteria().andOperator(Criteria.where("at").is(olderThan.at()),
                            Criteria.where("_id").lt(new ObjectId(olderThan.id())))));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(Math.clamp(limit, 1, 100)),
                FeedDocument.class).stream().map(FeedService::toItem).toList();
    }

    // ------------------------------------------------------------------ what happened elsewhere

    @EventListener
    void memberJoined(NetworkEvents.MemberJoined event) {
        String name = SystemRunner.call(() -> directory.organizations(List.of(event.organizationId()))).values().stream()
                .findFirst().map(Organization::nameTh).orElse("");
        system(event.networkId(), FeedItem.Kind.MEMBER_JOINED, "feed.memberJoined", List.of(name),
                "organizations/" + event.organizationId().value());
    }

    @EventListener
    void groupCreated(WorkingGroupEvents.WorkingGroupCreated event) {
        system(event.networkId(), FeedItem.Kind.GROUP_CREATED, "feed.groupCreated", List.of(event.name()),
                "groups/" + event.id().value());
    }

    @EventListener
    void announcementPublished(AnnouncementEvents.AnnouncementPublished event) {
        // The announcement's own id (an ObjectId, as paging needs): a publication redone after a
        // crash adds no second item.
        FeedDocument doc = systemDocument(event.networkId(), FeedItem.Kind.ANNOUNCEMENT, "feed.announcement",
                List.of(event.title()), "announcements/" + event.id().value());
        doc.id = event.id().value();
        try {
            store(doc);
        } catch (DuplicateKeyException e) {
            // already in the feed
        }
    }

    /** For other modules' events that belong in the feed (e.g. a training was scheduled). */
    @PreAuthorize("isAuthenticated()")
    public void recordSystemEvent(NetworkId network, FeedItem.Kind kind, String messageKey, List<String> params,
                                  String link) {
        system(network, kind, messageKey, params, link);
    }

    private void system(NetworkId network, FeedItem.Kind kind, String key, List<String> params, String link) {
        store(systemDocument(network, kind, key, params, link));
    }

    private static FeedDocument systemDocument(NetworkId network, FeedItem.Kind kind, String key, List<String> params,
                                               String link) {
        FeedDocument doc = new FeedDocument();
        doc.networkId = network.value();
        doc.kind = kind;
        doc.messageKey = key;
        doc.params = List.copyOf(params);
        doc.link = link;
        return doc;
    }

    private FeedItem store(FeedDocument doc) {
        doc.at = clock.instant();
        mongo.insert(doc);
        FeedItem item = toItem(doc);
        live.publish(AnnouncementService.topic(new NetworkId(doc.networkId)), "feed", doc.id, 0, Map.of(), item);
        return item;
    }

    static FeedItem toItem(FeedDocument d) {
        return new FeedItem(d.id, new NetworkId(d.networkId), d.kind, d.authorName, d.organizationName, d.text, d.url,
                d.messageKey, d.params, d.link, d.at);
    }
}
