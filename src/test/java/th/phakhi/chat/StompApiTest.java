package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.socket.WebSocketHttpHeaders;
import th.phakhi.directory.PeopleService;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.ApiTokenService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.StompTestClient;
import th.phakhi.support.TestUsers;
import th.phakhi.workinggroup.WorkingGroupService;

/** The STOMP API at /ws as other clients use it: authentication, authorization, delivery, cut-off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "phakhi.test.context=stomp")
@ActiveProfiles("test")
class StompApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    NetworkService networks;
    @Autowired
    WorkingGroupService groups;
    @Autowired
    PeopleService people;

    String general;
    String waste;

    @BeforeEach
    void rooms() {
        SystemRunner.run(() -> {
            var chiangMai = networks.browse(null, null).stream()
                    .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                    .findFirst().orElseThrow().id();
            general = RoomId.of(chiangMai).value();
            waste = RoomId.of(groups.groupsOf(chiangMai).stream()
                    .filter(g -> g.name().equals("คณะทำงานการจัดการขยะและสิ่งแวดล้อม")).findFirst().orElseThrow().id())
                    .value();
        });
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String tokenOf(String username) {
        return TestUsers.apiToken(accounts, tokens, username);
    }

    @Test
    void connectingWithoutATokenOrWithAWrongOneIsRefused() {
        assertThatThrownBy(() -> new StompTestClient().connect(port, null, null)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> new StompTestClient().connect(port, "phk_not-a-real-token", null))
                .isInstanceOf(Exception.class);
    }

    @Test
    void aMemberSubscribesSendsAndReceivesWithTheServerAssignedOrder() throws Exception {
        try (StompTestClient anucha = new StompTestClient().connect(port, tokenOf("anucha"), null);
             StompTestClient nattaya = new StompTestClient().connect(port, tokenOf("nattaya"), null)) {
            BlockingQueue<Map<String, Object>> receipts = new LinkedBlockingQueue<>();
            anucha.subscribe("/user/queue/receipts", receipts);
            nattaya.subscribe("/topic/rooms/" + waste);
            Thread.sleep(300);
            String clientId = UUID.randomUUID().toString();
            // The payload claims another sender; the server ignores it: the sender is the token's user.
            anucha.send("/app/rooms/" + waste + "/messages", Map.of("clientId", clientId,
                    "body", "สวัสดีจาก API", "senderName", "ผู้แอบอ้าง"));
            Map<String, Object> event = nattaya.next("message", 10_000);
            assertThat(event).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> message = (Map<String, Object>) event.get("message");
            assertThat(message.get("text")).isEqualTo("สวัสดีจาก API");
            assertThat(message.get("senderName")).isEqualTo("นายอนุชา ปัญญาดี");
            assertThat(message.get("clientId")).isEqualTo(clientId);
            Map<String, Object> receipt = receipts.poll(10, TimeUnit.SECONDS);
            assertThat(receipt).containsEntry("clientId", clientId).containsKey("seq");
            assertThat(((Number) receipt.get("seq")).longValue()).isEqualTo(((Number) message.get("seq")).longValue());

            // A resend of the same client id is stored once: same sequence number in the receipt.
            anucha.send("/app/rooms/" + waste + "/messages", Map.of("clientId", clientId, "body", "สวัสดีจาก API"));
            Map<String, Object> again = receipts.poll(10, TimeUnit.SECONDS);
            assertThat(again.get("seq")).isEqualTo(receipt.get("seq"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberCatchesUpOnWhatWasSentWhileAway() throws Exception {
        try (StompTestClient anucha = new StompTestClient().connect(port, tokenOf("anucha"), null)) {
            BlockingQueue<Map<String, Object>> receipts = new LinkedBlockingQueue<>();
            anucha.subscribe("/user/queue/receipts", receipts);
            Thread.sleep(300);
            List<Long> seqs = new java.util.ArrayList<>();
            for (String body : List.of("ก่อนหลุด", "ระหว่างหลุด ๑", "ระหว่างหลุด ๒")) {
                anucha.send("/app/rooms/" + waste + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                        "body", body));
                seqs.add(((Number) receipts.poll(10, TimeUnit.SECONDS).get("seq")).longValue());
            }
            // Back from a reconnect with seq of "ก่อนหลุด" as the last one seen: first the live
            // subscription, confirmed by a RECEIPT, then one reply with what was missed, in order.
            anucha.subscribeConfirmed("/topic/rooms/" + waste, anucha.events::add).get(10, TimeUnit.SECONDS);
            BlockingQueue<Map<String, Object>> history = new LinkedBlockingQueue<>();
            anucha.subscribe("/app/rooms/" + waste + "/after/" + seqs.getFirst(), history);
            Map<String, Object> reply = history.poll(10, TimeUnit.SECONDS);
            assertThat(reply).containsEntry("roomId", waste).containsEntry("more", false);
            List<Map<String, Object>> messages = (List<Map<String, Object>>) reply.get("messages");
            assertThat(messages).extracting(m -> m.get("text")).containsExactly("ระหว่างหลุด ๑", "ระหว่างหลุด ๒");
            assertThat(messages).extracting(m -> ((Number) m.get("seq")).longValue())
                    .containsExactlyElementsOf(seqs.subList(1, 3));
        }
    }

    @Test
    void aSenderRemovedFromTheGroupIsRefusedOnTheirNextMessageEvenOnAnOpenConnection() throws Exception {
        TestUsers.signInAs(accounts, "wichai");
        var chiangMai = networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id();
        var anuchaPerson = people.search("อนุชา", null, 1).getFirst();
        var wichaiPerson = people.search("วิชัย", null, 1).getFirst();
        var group = groups.create(chiangMai, new th.phakhi.workinggroup.WorkingGroupForm("คณะทำงานชั่วคราว "
                + UUID.randomUUID(), null, wichaiPerson.id(), List.of(anuchaPerson.id())));
        TestUsers.signOut();
        String room = RoomId.of(group).value();
        try (StompTestClient anucha = new StompTestClient().connect(port, tokenOf("anucha"), null)) {
            BlockingQueue<Map<String, Object>> receipts = new LinkedBlockingQueue<>();
            BlockingQueue<Map<String, Object>> errors = new LinkedBlockingQueue<>();
            anucha.subscribe("/user/queue/receipts", receipts);
            anucha.subscribe("/user/queue/errors", errors);
            Thread.sleep(300);
            anucha.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                    "body", "ก่อนถูกนำออก"));
            assertThat(receipts.poll(10, TimeUnit.SECONDS)).isNotNull();

            TestUsers.signInAs(accounts, "wichai");
            groups.removeMember(group, anuchaPerson.id());
            TestUsers.signOut();
            // The connection's first look lets a recent sender through; the chat service refuses.
            anucha.send("/app/rooms/" + room + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                    "body", "หลังถูกนำออก"));
            Map<String, Object> refusal = errors.poll(10, TimeUnit.SECONDS);
            if (refusal != null) {
                assertThat(refusal).containsEntry("code", "error.accessDenied");
            } else {
                assertThat(anucha.closed.isDone()).as("refused either by the service or by closing").isTrue();
            }
            assertThat(receipts.poll(1, TimeUnit.SECONDS)).as("nothing stored after removal").isNull();
        }
    }

    @Test
    void aNonMemberCannotCatchUpOnARoomsHistory() throws Exception {
        try (StompTestClient rattana = new StompTestClient().connect(port, tokenOf("rattana"), null)) {
            rattana.subscribe("/app/rooms/" + waste + "/after/0");
            assertThat(rattana.closed.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(rattana.errorsOnceContaining("Access denied")).contains("Access denied");
        }
        try (StompTestClient anucha = new StompTestClient().connect(port, tokenOf("anucha"), null)) {
            anucha.subscribe("/app/rooms/" + waste + "/after/-1");
            assertThat(anucha.closed.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void refusalsComeBackAsErrors() throws Exception {
        try (StompTestClient anucha = new StompTestClient().connect(port, tokenOf("anucha"), null)) {
            BlockingQueue<Map<String, Object>> errors = new LinkedBlockingQueue<>();
            anucha.subscribe("/user/queue/errors", errors);
            Thread.sleep(300);
            anucha.send("/app/rooms/" + waste + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                    "body", "ก".repeat(4_001)));
            Map<String, Object> error = errors.poll(10, TimeUnit.SECONDS);
            assertThat(error).containsEntry("code", "chat.error.tooLong");
            assertThat((String) error.get("message")).contains("4,000");
        }
    }

    @Test
    void aNonMemberCannotSubscribeAndAnUnknownDestinationIsRefused() throws Exception {
        try (StompTestClient rattana = new StompTestClient().connect(port, tokenOf("rattana"), null)) {
            rattana.subscribe("/topic/rooms/" + waste);
            assertThat(rattana.closed.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(rattana.errorsOnceContaining("Access denied")).contains("Access denied");
        }
        try (StompTestClient anucha = new StompTestClient().connect(port, tokenOf("anucha"), null)) {
            anucha.subscribe("/topic/everything");
            assertThat(anucha.closed.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(anucha.errorsOnceContaining("Unknown destination")).contains("Unknown destination");
        }
        try (StompTestClient kamonwan = new StompTestClient().connect(port, tokenOf("kamonwan"), null)) {
            kamonwan.send("/app/rooms/" + waste + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
                    "body", "ไม่ใช่สมาชิกคณะทำงาน"));
            assertThat(kamonwan.closed.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aRevokedTokenNoLongerConnects() throws Exception {
        TestUsers.signInAs(accounts, "anucha");
        var created = tokens.create("to revoke");
        tokens.revoke(created.token().id());
        TestUsers.signOut();
        assertThatThrownBy(() -> new StompTestClient().connect(port, created.secret(), null))
                .isInstanceOf(Exception.class);
    }

    @Test
    void aBrowserOfAnotherSiteCannotOpenTheSocket() {
        WebSocketHttpHeaders evil = new WebSocketHttpHeaders();
        evil.setOrigin("https://evil.example");
        assertThatThrownBy(() -> new StompTestClient().connect(port, tokenOf("anucha"), evil))
                .isInstanceOf(Exception.class);
    }

    @Test
    void removingAMemberCutsTheirLiveConnectionAtOnce() throws Exception {
        String suda = tokenOf("suda");
        try (StompTestClient client = new StompTestClient().connect(port, suda, null)) {
            client.subscribe("/topic/rooms/" + waste);
            Thread.sleep(500);
            TestUsers.signInAs(accounts, "nattaya");
            var sudaPerson = people.search("สุดา", null, 1).getFirst();
            groups.removeMember(RoomId.parse(waste).orElseThrow().groupId(), sudaPerson.id());
            TestUsers.signOut();
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).isNotNull();
        }
        try (StompTestClient again = new StompTestClient().connect(port, suda, null)) {
            again.subscribe("/topic/rooms/" + waste);
            assertThat(again.closed.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    /** Decision 013: with thousands of push connections, none may hold zlib state and 8 KB frame buffers. */
    @Test
    void webSocketsAreNotCompressedSoAConnectionHoldsNoZlibState() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader response = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder headers = new StringBuilder();
            for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
                headers.append(line).append('\n');
            }
            assertThat(headers.toString()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("permessage-deflate");
        }
        assertThat(System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE")).isEqualTo("1024");
    }
}
