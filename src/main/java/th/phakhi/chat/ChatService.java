package th.phakhi.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
import th.phakhi.shared.text.Markdown;
import th.phakhi.chat.internal.MessageDocument;
import th.phakhi.chat.internal.PresenceBoard;
import th.phakhi.chat.internal.ReadMarkDocument;
import th.phakhi.chat.internal.RoomCounterDocument;
import th.phakhi.chat.internal.SendRateLimiter;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.NotificationKind;
import th.phakhi.notification.NotificationService;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.text.PersonNames;
import th.phakhi.shared.text.ThaiText;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupService;

/**
 * Chat in the rooms of networks and working groups.
 *
 * <p>Sending: the client gives each message its own id; a second send with the same id returns
 * the stored message (a resend after a lost connection is stored once). The room hands out the
 * next sequence number; since the message id contains it, two messages can never share one, and
 * a sender that races another simply takes the next. Everyone sees the same order, and a screen
 * that reconnects asks for "everything after N".
 */
@Service
public class ChatService {

    public static final int MAX_BODY = 4000;
    public static final int PAGE = 50;
    public static final int MAX_CATCH_UP = 500;
    /** How long a hole in the numbering may still fill (longer than a send can wait for the database). */
    public static final java.time.Duration HOLE_WAIT = java.time.Duration.ofSeconds(15);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Object[] ROOM_LOCKS = new Object[64];

    static {
        for (int i = 0; i < ROOM_LOCKS.length; i++) {
            ROOM_LOCKS[i] = new Object();
        }
    }

    private final MongoTemplate mongo;
    private final ChatAccess access;
    private final DirectoryAccess directoryAccess;
    private final NetworkService networks;
    private final WorkingGroupService groups;
    private final PeopleService people;
    private final NotificationService notifications;
    private final AuditService audit;
    private final LiveEvents live;
    private final SendRateLimiter rateLimiter;
    private final PresenceBoard presence;
    private final Clock clock;

    ChatService(MongoTemplate mongo, ChatAccess access, DirectoryAccess directoryAccess, NetworkService networks,
                WorkingGroupService groups, PeopleService people, NotificationService notifications, AuditService audit,
                LiveEvents live, SendRateLimiter rateLimiter, PresenceBoard presence, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.directoryAccess = directoryAccess;
        this.networks = networks;
        this.groups = groups;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.live = live;
        this.rateLimiter = rateLimiter;
        this.presence = presence;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ sending and changing

    @PreAuthorize("@chatAccess.canWrite(#room)")
    public ChatMessage send(RoomId room, String clientId, String body, Long replyToSeq) {
        PhakhiUser user = CurrentUser.require();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new UserFacingException("chat.error.clientId");
        }
        String text = body(body);
        if (!rateLimiter.tryAcquire(user.accountId().value())) {
            throw new UserFacingException("chat.error.rateLimited", rateLimiter.max(), rateLimiter.windowSeconds());
        }
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("error.accessDenied"));
        MessageDocument doc = new MessageDocument();
        doc.roomId = room.value();
        doc.clientId = clientId;
        doc.senderAccountId = user.accountId().value();
        doc.senderPersonId = me.id().value();
        doc.senderName = me.fullName();
        doc.text = text;
        doc.html = Markdown.toHtml(text);
        doc.createdAt = clock.instant();
        doc.searchGrams = ThaiText.indexGrams(text);
        if (replyToSeq != null) {
            MessageDocument quoted = mongo.findById(MessageDocument.id(room.value(), replyToSeq), MessageDocument.class);
            if (quoted != null && !quoted.deleted) {
                doc.replyToSeq = quoted.seq;
                doc.replyToSender = quoted.senderName;
                doc.replyToExcerpt = excerpt(quoted.text);
            }
        }
        List<RoomMember> mentioned = mentioned(room, text, user.accountId().value());
        mentioned.forEach(m -> {
            doc.mentionAccountIds.add(m.accountId());
            doc.mentionNames.add(m.name());
        });
        MessageDocument stored = insertWithNextSeq(doc);
        if (stored != doc) {
            // A resend: the message is stored once. Someone else's client id is not theirs to reuse.
            if (!stored.senderAccountId.equals(user.accountId().value()) || !stored.roomId.equals(room.value())) {
                throw new UserFacingException("chat.error.clientId");
            }
            return toMessage(stored);
        }
        ChatMessage sent = toMessage(doc);
        live.publish(room.topic(), ChatEvents.MESSAGE, doc.id, doc.seq, Map.of(), sent);
        String reader = user.accountId().value();
        Thread.ofVirtual().start(() -> markReadUpTo(reader, room.value(), doc.seq)); // off the sender's path
        if (!mentioned.isEmpty()) {
            notifications.notify(mentioned.stream().map(m -> new AccountId(m.accountId())).toList(),
                    NotificationKind.MENTION, "notification.mentioned", List.of(doc.senderName, roomName(room)),
                    "rooms/" + room.value() + "?seq=" + doc.seq);
        }
        return sent;
    }

    /**
     * Takes the room's next sequence number and inserts. If the number was taken meanwhile (the
     * embedded server can return the same counter value to two callers), takes the next one; if
     * the client id was stored meanwhile (a concurrent resend), returns that message.
     */
    private MessageDocument insertWithNextSeq(MessageDocument doc) {
        // On one node, one room's numbers are handed out one at a time: the embedded server's
        // findAndModify is not isolated, and without this a lost race would leave a gap.
        Object lock = ROOM_LOCKS[Math.floorMod(doc.roomId.hashCode(), ROOM_LOCKS.length)];
        synchronized (lock) {
            // A resend racing its original: the first one to get here stored it.
            MessageDocument stored = mongo.findOne(Query.query(Criteria.where("clientId").is(doc.clientId)),
                    MessageDocument.class);
            return stored != null ? stored : insertWithNextSeqLocked(doc);
        }
    }

    private MessageDocument insertWithNextSeqLocked(MessageDocument doc) {
        for (int attempt = 0; attempt < 50; attempt++) {
            RoomCounterDocument counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(doc.roomId)),
                    new Update().inc("seq", 1), FindAndModifyOptions.options().returnNew(true).upsert(true),
                    RoomCounterDocument.class);
            doc.seq = counter.seq;
            doc.id = MessageDocument.id(doc.roomId, doc.seq);
            try {
                mongo.insert(doc);
                return doc;
            } catch (DuplicateKeyException e) {
                MessageDocument resent = mongo.findOne(Query.query(Criteria.where("clientId").is(doc.clientId)),
                        MessageDocument.class);
                if (resent != null) {
                    return resent;
                }
                // the sequence number was taken: try the next one
            }
        }
        throw new IllegalStateException("Could not allocate a sequence number in " + doc.roomId);
    }

    @PreAuthorize("@chatAccess.canWrite(#room)")
    public ChatMessage edit(RoomId room, long seq, String body) {
        String text = body(body);
        MessageDocument doc = own(room, seq);
        Update update = Update.update("text", text).set("html", Markdown.toHtml(text))
                .set("editedAt", clock.instant()).set("searchGrams", ThaiText.indexGrams(text));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id)), update, MessageDocument.class);
        live.publish(room.topic(), ChatEvents.UPDATE, doc.id, doc.seq, Map.of());
        return toMessage(mongo.findById(doc.id, MessageDocument.class));
    }

    /** Deletes one's own message: it stays in its place, shown as deleted, its text gone. */
    @PreAuthorize("@chatAccess.canWrite(#room)")
    public void delete(RoomId room, long seq) {
        MessageDocument doc = own(room, seq);
        erase(doc, null, null);
    }

    /** A moderator removes someone else's message with a reason (audited). */
    @PreAuthorize("@chatAccess.canModerate(#room)")
    public void remove(RoomId room, long seq, String reason) {
        String why = th.phakhi.shared.Validation.required(reason, 500);
        MessageDocument doc = message(room, seq);
        PhakhiUser user = CurrentUser.require();
        erase(doc, user, why);
        String scope = room.isNetworkRoom() ? "network:" + room.networkId().value()
                : "network:" + groups.find(room.groupId()).networkId().value();
        audit.record(scope, "audit.chat.messageRemoved", Map.of("person", doc.senderName, "reason", why,
                "room", roomName(room)));
    }

    private void erase(MessageDocument doc, PhakhiUser moderator, String reason) {
        Update update = Update.update("deleted", true).unset("text").unset("html").set("searchGrams", List.of())
                .unset("replyToExcerpt").set("editedAt", clock.instant());
        if (moderator != null) {
            update.set("removedBy", moderator.accountId().value()).set("removedByName", moderator.displayName())
                    .set("removalReason", reason);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id)), update, MessageDocument.class);
        live.publish("room:" + doc.roomId, ChatEvents.UPDATE, doc.id, doc.seq, Map.of());
    }

    /** Adds the signed-in user's reaction, or takes it back if they had given it. */
    @PreAuthorize("@chatAccess.canWrite(#room)")
    public void react(RoomId room, long seq, Reaction reaction) {
        MessageDocument doc = message(room, seq);
        if (doc.deleted) {
            throw new UserFacingException("chat.error.deleted");
        }
        PhakhiUser user = CurrentUser.require();
        String me = user.accountId().value();
        boolean had = doc.reactions.getOrDefault(reaction.name(), List.of()).contains(me);
        Query query = Query.query(Criteria.where("_id").is(doc.id));
        Update update = had
                ? new Update().pull("reactions." + reaction.name(), me).pull("reactionNames." + reaction.name(), user.displayName())
                : new Update().addToSet("reactions." + reaction.name(), me)
                        .addToSet("reactionNames." + reaction.name(), user.displayName());
        mongo.updateFirst(query, update, MessageDocument.class);
        live.publish(room.topic(), ChatEvents.UPDATE, doc.id, doc.seq, Map.of());
    }

    /** Tells the room's open screens that the user is typing (nothing is stored for long). */
    @PreAuthorize("@chatAccess.canWrite(#room)")
    public void typing(RoomId room) {
        PhakhiUser user = CurrentUser.require();
        live.publish(room.topic(), ChatEvents.TYPING, user.accountId().value(), 0, Map.of("name",
                PersonNames.withoutTitle(user.displayName())));
    }

    /**
     * The current user has the room open on a screen until the returned presence is closed; the
     * listener hears what the room's online line should say whenever it changes (decision 012).
     */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public Presence enter(RoomId room, Consumer<Presence.Online> listener) {
        PhakhiUser user = CurrentUser.require();
        return presence.enter(room.value(), room.topic(), user.accountId().value(),
                PersonNames.withoutTitle(user.displayName()), listener);
    }

    // ------------------------------------------------------------------ reading

    /** The newest messages, oldest first. */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public List<ChatMessage> latest(RoomId room, int limit) {
        long last = lastSeq(room.value());
        long from = Math.max(1, last - Math.clamp(limit, 1, PAGE) + 1);
        return upToOpenHole(range(room, from, last), from);
    }

    /** The page before a sequence number (scrolling back), oldest first. */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public List<ChatMessage> before(RoomId room, long beforeSeq, int limit) {
        long to = beforeSeq - 1;
        return to < 1 ? List.of() : range(room, Math.max(1, to - Math.clamp(limit, 1, PAGE) + 1), to);
    }

    /** Everything after a sequence number (catching up after a reconnect), oldest first, at most 500. */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public List<ChatMessage> after(RoomId room, long afterSeq) {
        long last = lastSeq(room.value());
        return afterSeq >= last ? List.of()
                : upToOpenHole(range(room, afterSeq + 1, Math.min(last, afterSeq + MAX_CATCH_UP)), afterSeq + 1);
    }

    /** Messages around one (a search result shown in context). */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public List<ChatMessage> around(RoomId room, long seq) {
        return range(room, Math.max(1, seq - PAGE / 2), Math.min(lastSeq(room.value()), seq + PAGE / 2));
    }

    @PreAuthorize("@chatAccess.canRead(#room)")
    public Optional<ChatMessage> message(RoomId room, String messageId) {
        if (messageId == null || !messageId.startsWith(room.value() + ".")) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(messageId, MessageDocument.class)).map(ChatService::toMessage);
    }

    /**
     * A message for live delivery to subscribers who were checked when they subscribed (the
     * STOMP bridge reads each event once per node, not once per subscriber). Not public.
     */
    Optional<ChatMessage> messageForDelivery(RoomId room, String messageId) {
        if (messageId == null || !messageId.startsWith(room.value() + ".")) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(messageId, MessageDocument.class)).map(ChatService::toMessage);
    }

    /** Messages from..to for live delivery to already-checked subscribers (see above). Not public. */
    List<ChatMessage> rangeForDelivery(RoomId room, long from, long to) {
        return upToOpenHole(range(room, from, to), from);
    }

    /**
     * A message numbered but not stored yet leaves a hole for a moment: its sender, maybe on
     * another node, is between taking the number and storing the message. Reading forward stops
     * at such a hole, so no screen or connection moves past a message about to appear (it would
     * never see it). A hole still open {@link #HOLE_WAIT} after the message behind it was sent
     * will not fill (the sender failed, or its node died) and is passed over.
     */
    private List<ChatMessage> upToOpenHole(List<ChatMessage> found, long from) {
        Instant cutoff = clock.instant().minus(HOLE_WAIT);
        long expected = from;
        for (int i = 0; i < found.size(); i++) {
            ChatMessage m = found.get(i);
            if (m.seq() != expected && m.createdAt() != null && m.createdAt().isAfter(cutoff)) {
                return found.subList(0, i);
            }
            expected = m.seq() + 1;
        }
        return found;
    }

    long lastSeqForDelivery(RoomId room) {
        return lastSeq(room.value());
    }

    /** Lookup by id list: one indexed query, whatever the size of the room's history. */
    private List<ChatMessage> range(RoomId room, long from, long to) {
        if (to < from) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            ids.add(MessageDocument.id(room.value(), s));
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), MessageDocument.class).stream()
                .sorted(Comparator.comparingLong(d -> d.seq)).map(ChatService::toMessage).toList();
    }

    private long lastSeq(String roomId) {
        RoomCounterDocument counter = mongo.findById(roomId, RoomCounterDocument.class);
        return counter == null ? 0 : counter.seq;
    }

    /** Remembers how far the signed-in user has read (never moves backwards). */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public void markRead(RoomId room, long seq) {
        markReadUpTo(CurrentUser.require().accountId().value(), room.value(), seq);
    }

    @PreAuthorize("@chatAccess.canRead(#room)")
    public long lastRead(RoomId room) {
        ReadMarkDocument mark = mongo.findById(ReadMarkDocument.id(CurrentUser.require().accountId().value(),
                room.value()), ReadMarkDocument.class);
        return mark == null ? 0 : mark.seq;
    }

    private void markReadUpTo(String accountId, String roomId, long seq) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ReadMarkDocument.id(accountId, roomId))),
                new Update().max("seq", seq), ReadMarkDocument.class);
    }

    /** The rooms of the signed-in user: their networks' rooms and their working groups', with unread counts. */
    @PreAuthorize("isAuthenticated()")
    public List<Room> myRooms() {
        String me = CurrentUser.require().accountId().value();
        Map<String, Network> byNetwork = new LinkedHashMap<>();
        networks.myNetworks().forEach(n -> byNetwork.put(n.id().value(), n));
        List<Room> rooms = new ArrayList<>();
        List<RoomId> ids = new ArrayList<>();
        byNetwork.values().forEach(n -> ids.add(RoomId.of(n.id())));
        List<WorkingGroup> myGroups = groups.myGroups();
        myGroups.forEach(g -> ids.add(RoomId.of(g.id())));
        Map<String, Long> last = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids.stream().map(RoomId::value).toList())),
                RoomCounterDocument.class).forEach(c -> last.put(c.id, c.seq));
        Map<String, Long> read = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids.stream().map(r -> ReadMarkDocument.id(me, r.value())).toList())),
                ReadMarkDocument.class).forEach(m -> read.put(m.id.substring(m.id.indexOf('|') + 1), m.seq));
        for (Network n : byNetwork.values()) {
            RoomId id = RoomId.of(n.id());
            rooms.add(new Room(id, n.nameTh(), n.nameTh(), n.nameEn(), true, last.getOrDefault(id.value(), 0L),
                    read.getOrDefault(id.value(), 0L)));
        }
        for (WorkingGroup g : myGroups) {
            RoomId id = RoomId.of(g.id());
            Network n = byNetwork.get(g.networkId().value());
            rooms.add(new Room(id, g.name(), n == null ? "" : n.nameTh(), n == null ? null : n.nameEn(), g.active(),
                    last.getOrDefault(id.value(), 0L), read.getOrDefault(id.value(), 0L)));
        }
        return rooms;
    }

    @PreAuthorize("@chatAccess.canRead(#room)")
    public Room room(RoomId room) {
        return myRooms().stream().filter(r -> r.id().equals(room)).findFirst()
                .orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    /** People who can take part in the room (for mentions and the online list). */
    @PreAuthorize("@chatAccess.canRead(#room)")
    public List<RoomMember> members(RoomId room) {
        List<Person> list = new ArrayList<>();
        if (room.isNetworkRoom()) {
            for (OrganizationId organization : networks.memberOrganizations(room.networkId())) {
                list.addAll(people.peopleOf(organization));
            }
        } else {
            list.addAll(people.people(groups.find(room.groupId()).members()));
        }
        return list.stream().filter(p -> p.accountId() != null)
                .map(p -> new RoomMember(p.accountId().value(), p.fullName(), PersonNames.withoutTitle(p.fullName())))
                .toList();
    }

    /**
     * Messages of the signed-in user's rooms matching a text (Thai segmented, see ThaiText),
     * newest first, at most 50.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ChatMessage> search(String text) {
        List<String> terms = ThaiText.terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<String> rooms = myRooms().stream().map(r -> r.id().value()).toList();
        if (rooms.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("roomId").in(rooms).and("deleted").is(false)
                .and("searchGrams").all(ThaiText.queryGrams(terms))).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(200);
        query.fields().exclude("searchGrams");
        return mongo.find(query, MessageDocument.class).stream()
                .filter(d -> ThaiText.matches(terms, d.text))
                .limit(50).map(ChatService::toMessage).toList();
    }

    // ------------------------------------------------------------------ helpers

    private MessageDocument message(RoomId room, long seq) {
        MessageDocument doc = mongo.findById(MessageDocument.id(room.value(), seq), MessageDocument.class);
        if (doc == null) {
            throw new UserFacingException("error.notFound");
        }
        return doc;
    }

    private MessageDocument own(RoomId room, long seq) {
        MessageDocument doc = message(room, seq);
        if (!doc.senderAccountId.equals(CurrentUser.require().accountId().value())) {
            throw new UserFacingException("chat.error.notYours");
        }
        if (doc.deleted) {
            throw new UserFacingException("chat.error.deleted");
        }
        return doc;
    }

    private List<RoomMember> mentioned(RoomId room, String text, String senderAccountId) {
        if (!text.contains("@")) {
            return List.of();
        }
        Set<RoomMember> found = new LinkedHashSet<>();
        for (RoomMember member : members(room)) {
            String first = member.shortName().split(" ")[0];
            if (!member.accountId().equals(senderAccountId)
                    && (text.contains("@" + member.shortName()) || text.contains("@" + first))) {
                found.add(member);
            }
        }
        return new ArrayList<>(found);
    }

    private String roomName(RoomId room) {
        return room.isNetworkRoom() ? networks.find(room.networkId()).nameTh() : groups.find(room.groupId()).name();
    }

    private static String body(String body) {
        String text = Markdown.clean(body == null ? "" : body).strip();
        if (text.isEmpty()) {
            throw new UserFacingException("chat.error.empty");
        }
        if (text.length() > MAX_BODY) {
            throw new UserFacingException("chat.error.tooLong", MAX_BODY, text.length());
        }
        return text;
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 119) + "…";
    }

    static ChatMessage toMessage(MessageDocument d) {
        Map<String, List<String>> reactions = new LinkedHashMap<>();
        if (d.reactionNames != null) {
            d.reactionNames.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    reactions.put(k, v);
                }
            });
        }
        return new ChatMessage(d.id, new RoomId(d.roomId), d.seq, d.clientId, d.senderAccountId, d.senderName,
                d.deleted ? null : d.text, d.deleted ? null : d.html,
                d.replyToSeq == null ? null : new ChatMessage.Reply(d.replyToSeq, d.replyToSender, d.replyToExcerpt),
                d.mentionNames, reactions, d.createdAt, d.editedAt, d.deleted, d.removedByName, d.removalReason);
    }
}
