package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import th.phakhi.support.ChatMember;
import th.phakhi.support.ChatTally;
import th.phakhi.support.Cluster;
import th.phakhi.support.StompTestClient;

/**
 * Two app processes on one MongoDB (the embedded server started on its own, as an operator would
 * start a database): a message sent to one node reaches a subscriber on the other, every message
 * once and in the order the room assigned; and when a node dies, its clients move to the other
 * and catch up without losing or doubling anything (the quick form of scripts/fault-injection).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start("two-nodes", 2, null, Map.of("phakhi.chat.rate.max", "1000"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoNodesOnOneDatabaseDeliverEachOthersMessages() throws Exception {
        String room = cluster.generalRoom();
        try (StompTestClient sender = new StompTestClient().connect(cluster.ports().get(0), cluster.token("anucha"), null);
             StompTestClient receiver = new StompTestClient().connect(cluster.ports().get(1), cluster.token("nattaya"),
                     null)) {
            receiver.subscribeConfirmed("/topic/rooms/" + room, receiver.events::add).get();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "จากโหนด A ข้อความที่ " + i;
                sent.add(text);
                sender.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                        "body", text));
            }
            List<String> received = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            while (received.size() < 20) {
                Map<String, Object> event = receiver.next("message", 15_000);
                assertThat(event).as("message %d of 20 reached node B; node B log:%n%s", received.size() + 1,
                        cluster.node(1).tail()).isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) event.get("message");
                if (((String) message.get("text")).startsWith("จากโหนด A")) {
                    received.add((String) message.get("text"));
                    seqs.add(((Number) message.get("seq")).longValue());
                }
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent).doesNotHaveDuplicates();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(receiver.next("message", 1_500)).as("no duplicate deliveries").isNull();
        }
    }

    @Test
    @Order(2) // kills node B
    void whenANodeDiesItsClientsMoveToTheOtherAndMissNothing() throws Exception {
        String room = cluster.generalRoom();
        long start = ChatTally.lastSeq(cluster.db(), room);
        List<ChatMember> members = new ArrayList<>();
        try {
            for (String user : List.of("prasert", "kamonwan", "wichai", "suda")) {
                members.add(new ChatMember(cluster.ports(), members.size() % 2, cluster.token(user), room, start));
            }
            for (int i = 0; i < 10; i++) {
                members.forEach(ChatMember::send);
                Thread.sleep(100);
                if (i == 4) {
                    cluster.kill(1);
                }
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (members.stream().anyMatch(m -> m.pendingCount() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000);
            ChatTally tally = ChatTally.of(cluster.db(), room, start, members);
            assertThat(tally.pass()).as("%s%n%s", tally.line(), String.join("\n", tally.diagnostics())).isTrue();
            assertThat(tally.stored()).isEqualTo(40);
            assertThat(tally.reconnects()).as("the two members on node B moved to node A").isGreaterThanOrEqualTo(2);
        } finally {
            members.forEach(ChatMember::close);
        }
    }
}
