package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.chat.Presence.Online;
import th.phakhi.chat.internal.PresenceBoard;
import th.phakhi.chat.internal.PresenceDocument;
import th.phakhi.network.NetworkService;
import th.phakhi.realtime.LiveEvent;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.Cluster;
import th.phakhi.support.TestUsers;

/**
 * Who is online in a room: one join per person however many screens, nobody answers a join, the
 * line is a count and a few names, rows of a dead node stop counting. Same context as ChatServiceTest.
 */
@SpringBootTest(properties = {"phakhi.test.context=chat", "phakhi.chat.rate.max=1000"})
@ActiveProfiles("test")
class PresenceTest {

    @Autowired
    ChatService chat;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;
    @Autowired
    LiveEvents live;
    @Autowired
    PresenceBoard board;
    @Autowired
    MongoTemplate mongo;

    RoomId general;
    final List<Presence> open = new ArrayList<>();

    @BeforeEach
    void room() {
        SystemRunner.run(() -> general = RoomId.of(networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals(Cluster.DEMO_NETWORK))
                .findFirst().orElseThrow().id()));
    }

    @AfterEach
    void leave() {
        open.forEach(Presence::close);
        mongo.remove(Query.query(Criteria.where("node").is("another-node")), PresenceDocument.COLLECTION);
        TestUsers.signOut();
    }

    private Presence enter(String user, List<Online> heard) {
        TestUsers.signInAs(accounts, user);
        Presence presence = chat.enter(general, heard::add);
        open.add(presence);
        return presence;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 15 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aCrowdOfScreensAnnouncesEachPersonOnceAndNobodyAnswers() throws Exception {
        List<LiveEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (LiveEvents.Subscription listening = live.subscribe(general.topic(), events::add)) {
            List<String> people = List.of("kamonwan", "anucha", "nattaya");
            for (int screen = 0; screen < 4; screen++) {
                for (String person : people) {
                    enter(person, Collections.synchronizedList(new ArrayList<>()));
                }
            }
            await(() -> events.stream().filter(e -> e.type().equals(ChatEvents.PRESENCE_JOIN)).count() == 3);
            open.forEach(Presence::close);
            await(() -> events.stream().filter(e -> e.type().equals(ChatEvents.PRESENCE_LEAVE)).count() == 3);
            Thread.sleep(300);
            assertThat(events).extracting(LiveEvent::type)
                    .containsOnly(ChatEvents.PRESENCE_JOIN, ChatEvents.PRESENCE_LEAVE).hasSize(6);
        }
    }

    @Test
    void everyScreenHearsTheLineOnlyWhenItChangesAndEndsWithEveryoneCountedOnce() throws Exception {
        List<List<Online>> heard = new ArrayList<>();
        for (String person : List.of("kamonwan", "anucha", "nattaya", "kamonwan", "anucha")) {
            List<Online> mine = Collections.synchronizedList(new ArrayList<>());
            heard.add(mine);
            enter(person, mine);
        }
        await(() -> heard.stream().allMatch(h -> !h.isEmpty() && h.getLast().count() == 3));
        Thread.sleep(2_500); // a refresh round with nothing new tells nobody anything
        for (List<Online> mine : heard) {
            synchronized (mine) {
                for (int i = 1; i < mine.size(); i++) {
                    assertThat(mine.get(i)).as("told twice the same").isNotEqualTo(mine.get(i - 1));
                }
                assertThat(mine.getLast().names()).hasSize(3).doesNotHaveDuplicates();
            }
        }
        assertThat(open.getLast().online().count()).isEqualTo(3);
    }

    @Test
    void closingAPersonsLastScreenTakesThemOffTheLine() throws Exception {
        List<Online> watcher = Collections.synchronizedList(new ArrayList<>());
        enter("kamonwan", watcher);
        Presence first = enter("anucha", new ArrayList<>());
        Presence second = enter("anucha", new ArrayList<>());
        await(() -> !watcher.isEmpty() && watcher.getLast().count() == 2);
        first.close();
        Thread.sleep(2_500);
        assertThat(watcher.getLast().count()).as("anucha still has a screen open").isEqualTo(2);
        second.close();
        second.close(); // closing twice changes nothing
        await(() -> watcher.getLast().count() == 1);
        assertThat(board.read(general.value()).count()).isEqualTo(1);
    }

    @Test
    void aRoomWithManyOnlineShowsACountAndTheFirstFewNamesAndForgetsADeadNodesRows() {
        TestUsers.signInAs(accounts, "kamonwan");
        open.add(chat.enter(general, o -> { }));
        Date now = new Date();
        for (int i = 0; i < 8; i++) {
            row("person-" + i, "คนที่ " + i, now);
        }
        row("gone", "หายไปแล้ว", new Date(now.getTime() - 4 * 60_000)); // its node stopped refreshing
        Online online = board.read(general.value());
        assertThat(online.count()).isEqualTo(9);
        assertThat(online.names()).hasSize(PresenceBoard.NAMES_SHOWN).doesNotContain("หายไปแล้ว");
        assertThat(online.others()).isEqualTo(4);
    }

    private void row(String account, String name, Date seenAt) {
        PresenceDocument row = new PresenceDocument();
        row.id = general.value() + "|" + account + "|another-node";
        row.room = general.value();
        row.account = account;
        row.name = name;
        row.node = "another-node";
        row.seenAt = seenAt;
        mongo.save(row);
    }
}
