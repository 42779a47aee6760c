package th.phakhi.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;
import th.phakhi.realtime.LiveEvent;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.realtime.StompAuthorizer;
import th.phakhi.realtime.StompSessions;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.ApiError;
import th.phakhi.shared.UserFacingException;

/**
 * The chat's STOMP API (docs/api.md):
 * <ul>
 *   <li>SUBSCRIBE {@code /topic/rooms/{room}} — the room's events, for members;</li>
 *   <li>SEND {@code /app/rooms/{room}/messages} {@code {"clientId","body","replyToSeq"}} — the
 *       sender is always the connection's user; a receipt comes on {@code /user/queue/receipts},
 *       a refusal on {@code /user/queue/errors};</li>
 *   <li>SEND {@code /app/rooms/{room}/typing} — "typing" for the room's screens;</li>
 *   <li>SUBSCRIBE {@code /app/rooms/{room}/after/{seq}} — one reply with the messages after
 *       {@code seq} (catching up after a reconnect or a {@code resync} event), for members.</li>
 * </ul>
 * Each room with STOMP subscribers on this node has one live-event subscription; events are read
 * once per node and broadcast to the room's destination. When access changes, each subscriber is
 * checked again and a connection that lost access is closed.
 */
@Controller
class ChatStomp implements StompAuthorizer {

    static final String TOPIC_PREFIX = "/topic/rooms/";
    static final long LOOK_AGAIN_MILLIS = 300;
    private static final Pattern TOPIC = Pattern.compile("/topic/rooms/([A-Za-z0-9-]+)");
    private static final Pattern SEND = Pattern.compile("/app/rooms/([A-Za-z0-9-]+)/(messages|typing)");
    private static final Pattern HISTORY = Pattern.compile("/app/rooms/([A-Za-z0-9-]+)/after/\\d{1,18}");

    private final ChatService chat;
    private final ChatAccess access;
    private final LiveEvents live;
    private final SimpMessagingTemplate broker;
    private final StompSessions sessions;
    /** room → (session id + subscription id → the subscriber's user). */
    private final Map<String, Map<String, PhakhiUser>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, LiveEvents.Subscription> liveSubscriptions = new ConcurrentHashMap<>();
    /** room → the newest sequence number broadcast to the room's destination on this node. */
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    /** room → the newest sequence number announced by an event (may be ahead of {@link #delivered}). */
    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    /** Rooms with a second look scheduled. */
    private final java.util.Set<String> lookingAgain = ConcurrentHashMap.newKeySet();

    ChatStomp(ChatService chat, ChatAccess access, LiveEvents live, SimpMessagingTemplate broker, StompSessions sessions) {
        this.chat = chat;
        this.access = access;
        this.live = live;
        this.broker = broker;
        this.sessions = sessions;
    }

    // ---------------------------------------------------------------- authorization

    @Override
    public boolean owns(String destination) {
        return destination.startsWith(TOPIC_PREFIX) || destination.startsWith("/app/rooms/");
    }

    @Override
    public boolean canSubscribe(String destination) {
        return room(TOPIC.matcher(destination)).or(() -> room(HISTORY.matcher(destination)))
                .map(access::canRead).orElse(false);
    }

    @Override
    public boolean canSend(String destination) {
        return room(SEND.matcher(destination)).map(access::canWrite).orElse(false);
    }

    private static Optional<RoomId> room(Matcher matcher) {
        return matcher.matches() ? RoomId.parse(matcher.group(1)) : Optional.empty();
    }

    // ---------------------------------------------------------------- sending

    /** What a client sends. {@code clientId}: 8–64 characters A–Z a–z 0–9 _ -, unique per message. */
    record SendRequest(String clientId, String body, Long replyToSeq) {
    }

    record Receipt(String clientId, String id, String roomId, long seq) {
    }

    @MessageMapping("/rooms/{room}/messages")
    @SendToUser(destinations = "/queue/receipts", broadcast = false)
    Receipt send(@DestinationVariable String room, @Payload SendRequest request) {
        RoomId id = RoomId.parse(room).orElseThrow(() -> new UserFacingException("error.notFound"));
        ChatMessage message = chat.send(id, request.clientId(), request.body(), request.replyToSeq());
        return new Receipt(message.clientId(), message.id(), id.value(), message.seq());
    }

    /**
     * The reply to a catch-up subscription: messages in order; {@code more} — the room has newer
     * ones: ask again after the last one (at once if the reply is full, after a moment if it is
     * short: a message is being stored).
     */
    record History(String roomId, List<ChatMessage> messages, boolean more) {
    }

    @SubscribeMapping("/rooms/{room}/after/{seq}")
    History after(@DestinationVariable String room, @DestinationVariable long seq) {
        RoomId id = RoomId.parse(room).orElseThrow(() -> new UserFacingException("error.notFound"));
        long after = Math.max(0, seq);
        List<ChatMessage> messages = chat.after(id, after);
        // More: the page was full, or it stopped at a message numbered but not stored yet.
        long reached = messages.isEmpty() ? after : messages.getLast().seq();
        return new History(id.value(), messages, reached < chat.lastSeqForDelivery(id));
    }

    @MessageMapping("/rooms/{room}/typing")
    void typing(@DestinationVariable String room) {
        RoomId.parse(room).ifPresent(chat::typing);
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    ApiError refused(Exception e) {
        return ApiError.of(e);
    }

    // ---------------------------------------------------------------- delivery

    /** What subscribers of a room receive. */
    record RoomEvent(String type, String roomId, Long seq, ChatMessage message, String accountId, String name,
                     Instant at) {
    }

    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        String destination = headers.getDestination();
        if (destination == null || !(headers.getUser() instanceof Authentication auth)
                || !(auth.getPrincipal() instanceof PhakhiUser user)) {
            return;
        }
        Matcher m = TOPIC.matcher(destination);
        if (!m.matches()) {
            return;
        }
        String room = m.group(1);
        subscribers.computeIfAbsent(room, r -> new ConcurrentHashMap<>())
                .put(headers.getSessionId() + "/" + headers.getSubscriptionId(), user);
        liveSubscriptions.computeIfAbsent(room, r -> {
            delivered.put(r, chat.lastSeqForDelivery(new RoomId(r)));
            return live.subscribe(new RoomId(r).topic(), e -> deliver(r, e));
        });
    }

    @EventListener
    void unsubscribed(SessionUnsubscribeEvent event) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        String key = headers.getSessionId() + "/" + headers.getSubscriptionId();
        subscribers.forEach((room, map) -> {
            if (map.remove(key) != null) {
                releaseIfEmpty(room);
            }
        });
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        String prefix = event.getSessionId() + "/";
        subscribers.forEach((room, map) -> {
            if (map.keySet().removeIf(k -> k.startsWith(prefix))) {
                releaseIfEmpty(room);
            }
        });
    }

    private void releaseIfEmpty(String room) {
        Map<String, PhakhiUser> map = subscribers.get(room);
        if (map != null && map.isEmpty()) {
            LiveEvents.Subscription s = liveSubscriptions.remove(room);
            if (s != null) {
                s.close();
            }
            delivered.remove(room);
            newest.remove(room);
        }
    }

    private void deliver(String roomId, LiveEvent event) {
        RoomId room = new RoomId(roomId);
        String destination = TOPIC_PREFIX + roomId;
        switch (event.type()) {
            case ChatEvents.MESSAGE -> {
                // Events may arrive out of order (senders on other threads or nodes): broadcast
                // everything after the last one sent, in the room's order, each exactly once.
                // Read once for the whole room: every subscriber was checked on subscribing.
                long last = delivered.getOrDefault(roomId, 0L);
                long wanted = Math.max(event.seq(), newest.getOrDefault(roomId, 0L));
                if (wanted <= last) {
                    return;
                }
                newest.put(roomId, wanted);
                // The next one in order, published on this node, comes with the message: no read.
                List<ChatMessage> messages = event.payload() instanceof ChatMessage m && m.seq() == last + 1
                        && m.seq() == wanted ? List.of(m) : chat.rangeForDelivery(room, last + 1, wanted);
                for (ChatMessage msg : messages) {
                    broker.convertAndSend(destination, new RoomEvent(ChatEvents.MESSAGE, roomId, msg.seq(), msg,
                            null, null, event.at()));
                }
                long sent = messages.isEmpty() ? last : messages.getLast().seq();
                delivered.put(roomId, sent);
                if (sent < wanted) {
                    // Stopped at a message not stored yet (see ChatService.rangeForDelivery): look again shortly.
                    lookAgain(roomId, event);
                }
            }
            case ChatEvents.UPDATE -> readAsMember(room, event.subject()).ifPresent(msg -> broker.convertAndSend(
                    destination, new RoomEvent(event.type(), roomId, msg.seq(), msg, null, null, event.at())));
            case ChatEvents.TYPING, ChatEvents.PRESENCE_JOIN, ChatEvents.PRESENCE_LEAVE ->
                    broker.convertAndSend(destination, new RoomEvent(event.type(), roomId, null, null,
                            event.subject(), event.data().get("name"), event.at()));
            case ChatEvents.ACCESS -> recheck(roomId);
            case LiveEvent.RESYNC -> broker.convertAndSend(destination, new RoomEvent(LiveEvent.RESYNC, roomId, null,
                    null, null, null, event.at()));
            default -> {
            }
        }
    }

    /** Hands the room's subscription the event again in a moment, on its own thread and order. */
    private void lookAgain(String roomId, LiveEvent event) {
        if (!lookingAgain.add(roomId)) {
            return;
        }
        Thread.ofVirtual().name("chat-look-again").start(() -> {
            try {
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lookingAgain.remove(roomId);
            }
            LiveEvents.Subscription s = liveSubscriptions.get(roomId);
            if (s != null) {
                s.redeliver(new LiveEvent(event.topic(), ChatEvents.MESSAGE, null, event.seq(), Map.of(), event.at()));
            }
        });
    }

    private Optional<ChatMessage> readAsMember(RoomId room, String messageId) {
        return chat.messageForDelivery(room, messageId);
    }

    /** Closes the connections of subscribers who may no longer read the room. */
    private void recheck(String roomId) {
        Map<String, PhakhiUser> map = subscribers.get(roomId);
        if (map == null) {
            return;
        }
        RoomId room = new RoomId(roomId);
        map.forEach((key, user) -> {
            boolean[] allowed = new boolean[1];
            SystemRunner.runAs(user, () -> allowed[0] = access.canRead(room));
            if (!allowed[0]) {
                map.remove(key);
                sessions.close(key.substring(0, key.indexOf('/')));
            }
        });
        releaseIfEmpty(roomId);
    }

    List<String> roomsWithSubscribers() {
        return List.copyOf(subscribers.keySet());
    }
}
