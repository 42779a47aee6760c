package th.phakhi.chat.internal;

import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import th.phakhi.chat.ChatEvents;
import th.phakhi.chat.Presence;
import th.phakhi.chat.Presence.Online;
import th.phakhi.realtime.LiveEvent;
import th.phakhi.realtime.LiveEvents;

/**
 * Who has which room open, for the rooms' online line — built to stay cheap with thousands of
 * screens in one room (decision 012).
 *
 * <p>Each node counts its own screens per room and person and keeps one row per person, room and
 * node in {@code chat_presence}; a {@code join} or {@code leave} event goes out only when a
 * person's first screen on the node opens or their last one closes. Nobody answers a join (no
 * "I am here too" from every screen — that made a crowd arriving cost the square of its size).
 * The node reads a room's rows again at most every {@code phakhi.chat.presence.refresh} (2 s) when
 * something changed, and hands the same small {@link Online} (a count and the first few names) to
 * all its screens in that room, each on its own virtual thread.
 */
@Component
public class PresenceBoard {

    /** Rows not refreshed for this long belong to a node that died: they stop counting. */
    static final Duration STALE = Duration.ofMinutes(3);
    /** ... and are removed after this long. */
    static final Duration FORGET = Duration.ofMinutes(10);
    public static final int NAMES_SHOWN = 5;

    private final MongoTemplate mongo;
    private final LiveEvents live;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, Board> rooms = new ConcurrentHashMap<>();
    private final ExecutorService listeners = Executors.newVirtualThreadPerTaskExecutor();

    PresenceBoard(MongoTemplate mongo, LiveEvents live, Clock clock) {
        this.mongo = mongo;
        this.live = live;
        this.clock = clock;
    }

    /** One room on this node: its screens, per person, and what its online line says. */
    private final class Board {
        final String room;
        final String topic;
        final Set<Watch> watches = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> screens = new HashMap<>();
        volatile Online online;
        volatile boolean dirty;
        boolean retired;
        LiveEvents.Subscription subscription;

        Board(String room, String topic) {
            this.room = room;
            this.topic = topic;
        }
    }

    private final class Watch implements Presence {
        final Board board;
        final String account;
        final Consumer<Online> listener;
        final AtomicBoolean closed = new AtomicBoolean();

        Watch(Board board, String account, Consumer<Online> listener) {
            this.board = board;
            this.account = account;
            this.listener = listener;
        }

        @Override
        public Online online() {
            Online online = board.online;
            return online == null ? Online.NOBODY : online;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                leave(this);
            }
        }
    }

    /**
     * Counts the person as online in the room on this node until the returned presence is closed.
     * No access check: the caller ({@code ChatService.enter}) has made it.
     */
    public Presence enter(String roomId, String topic, String account, String name, Consumer<Online> listener) {
        while (true) {
            Board board = rooms.computeIfAbsent(roomId, r -> new Board(r, topic));
            synchronized (board) {
                if (board.retired) {
                    continue;
                }
                Watch watch = new Watch(board, account, listener);
                board.watches.add(watch);
                if (board.screens.merge(account, 1, Integer::sum) == 1) {
                    PresenceDocument row = new PresenceDocument();
                    row.id = roomId + "|" + account + "|" + node;
                    row.room = roomId;
                    row.account = account;
                    row.name = name;
                    row.node = node;
                    row.seenAt = Date.from(clock.instant());
                    mongo.save(row);
                    live.publish(topic, ChatEvents.PRESENCE_JOIN, account, 0, Map.of("name", name));
                }
                if (board.subscription == null) {
                    // Other nodes' joins and leaves; a resync may mean some were missed.
                    board.subscription = live.subscribe(topic, event -> {
                        switch (event.type()) {
                            case ChatEvents.PRESENCE_JOIN, ChatEvents.PRESENCE_LEAVE, LiveEvent.RESYNC ->
                                    board.dirty = true;
                            default -> {
                            }
                        }
                    });
                }
                if (board.online == null) {
                    board.online = read(roomId);
                } else {
                    board.dirty = true;
                }
                return watch;
            }
        }
    }

    private void leave(Watch watch) {
        Board board = watch.board;
        synchronized (board) {
            board.watches.remove(watch);
            Integer left = board.screens.computeIfPresent(watch.account, (a, n) -> n > 1 ? n - 1 : null);
            if (left == null) {
                mongo.remove(Query.query(Criteria.where("_id").is(board.room + "|" + watch.account + "|" + node)),
                        PresenceDocument.COLLECTION);
                live.publish(board.topic, ChatEvents.PRESENCE_LEAVE, watch.account, 0, Map.of());
                board.dirty = true;
            }
        }
    }

    /** Who is online in the room now, from every node's rows. */
    public Online read(String roomId) {
        Query query = Query.query(Criteria.where("room").is(roomId)
                .and("seenAt").gte(Date.from(clock.instant().minus(STALE))));
        query.fields().include("account", "name");
        Map<String, String> people = new LinkedHashMap<>();
        for (PresenceDocument row : mongo.find(query, PresenceDocument.class)) {
            people.putIfAbsent(row.account, row.name == null ? "" : row.name);
        }
        List<String> names = new ArrayList<>(people.values());
        Collator thai = Collator.getInstance(Locale.forLanguageTag("th-TH"));
        names.sort(thai);
        return new Online(people.size(), names.subList(0, Math.min(NAMES_SHOWN, names.size())));
    }

    /**
     * Rooms whose presence changed are read again, and their screens told if the line changed;
     * rooms nobody on this node has open are let go.
     */
    @Scheduled(fixedDelayString = "${phakhi.chat.presence.refresh:2000}")
    void refresh() {
        for (Board board : rooms.values()) {
            if (board.watches.isEmpty()) {
                synchronized (board) {
                    if (board.watches.isEmpty()) {
                        board.retired = true;
                        if (board.subscription != null) {
                            board.subscription.close();
                        }
                        rooms.remove(board.room, board);
                        continue;
                    }
                }
            }
            if (!board.dirty) {
                continue;
            }
            board.dirty = false;
            try {
                Online now = read(board.room);
                if (!now.equals(board.online)) {
                    board.online = now;
                    for (Watch watch : board.watches) {
                        listeners.execute(() -> watch.listener.accept(now));
                    }
                }
            } catch (RuntimeException e) {
                board.dirty = true; // the database did not answer: next time
            }
        }
    }

    /** This node's rows stay fresh; rows of nodes long gone are removed; every room is read again. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void keepAlive() {
        try {
            Date now = Date.from(clock.instant());
            mongo.updateMulti(Query.query(Criteria.where("node").is(node)), Update.update("seenAt", now),
                    PresenceDocument.COLLECTION);
            mongo.remove(Query.query(Criteria.where("seenAt").lt(Date.from(clock.instant().minus(FORGET)))),
                    PresenceDocument.COLLECTION);
            rooms.values().forEach(board -> board.dirty = true);
        } catch (RuntimeException e) {
            // the database is not answering: the next round refreshes
        }
    }
}
