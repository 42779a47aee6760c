package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.audit.AuditEntry;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.support.Permissions;
import th.phakhi.support.TestUsers;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupService;

/**
 * Chat rules on the demo data: who may read and write which room, messages stored once and in
 * one order under concurrent senders, Markdown rendered inert, limits, edits, moderation,
 * unread counts and Thai search. Its own context, with a generous send limit for the load parts.
 */
@SpringBootTest(properties = {"phakhi.test.context=chat", "phakhi.chat.rate.max=1000"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatServiceTest {

    @Autowired
    ChatService chat;
    @Autowired
    NetworkService networks;
    @Autowired
    WorkingGroupService groups;
    @Autowired
    AccountService accounts;
    @Autowired
    PeopleService people;
    @Autowired
    AuditService audit;

    @Autowired
    MongoTemplate mongo;

    RoomId general;
    RoomId waste;
    NetworkId chiangMai;

    @BeforeEach
    void rooms() {
        SystemRunner.run(() -> {
            chiangMai = networks.browse(null, null).stream()
                    .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                    .findFirst().orElseThrow().id();
            general = RoomId.of(chiangMai);
            WorkingGroup group = groups.groupsOf(chiangMai).stream()
                    .filter(g -> g.name().equals("คณะทำงานการจัดการขยะและสิ่งแวดล้อม")).findFirst().orElseThrow();
            waste = RoomId.of(group.id());
        });
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    // Actors: anonymous; somsak (no network); rattana (Khon Kaen only); kamonwan (Chiang Mai
    // secretariat, not in the waste group); anucha (waste group member); nattaya (waste group lead).
    static final List<String> ACTORS = List.of("anonymous", "somsak", "rattana", "kamonwan", "anucha", "nattaya");

    private void check(String operation, Set<String> allowed, Consumer<String> call) {
        Permissions.assertMatrix(accounts, ACTORS, operation, allowed, call);
    }

    @Test
    @Order(1)
    void permissionMatrixForEveryChatMethod() {
        Set<String> groupMembers = Set.of("anucha", "nattaya");
        Set<String> networkMembers = Set.of("kamonwan", "anucha", "nattaya");
        Set<String> signedIn = Set.of("somsak", "rattana", "kamonwan", "anucha", "nattaya");
        check("latest in group", groupMembers, a -> chat.latest(waste, 10));
        check("before in group", groupMembers, a -> chat.before(waste, 5, 10));
        check("after in group", groupMembers, a -> chat.after(waste, 0));
        check("around in group", groupMembers, a -> chat.around(waste, 1));
        check("message in group", groupMembers, a -> chat.message(waste, waste.value() + ".000000000001"));
        check("members of group", groupMembers, a -> chat.members(waste));
        check("room", groupMembers, a -> chat.room(waste));
        check("lastRead", groupMembers, a -> chat.lastRead(waste));
        check("markRead", groupMembers, a -> chat.markRead(waste, 1));
        check("enter (presence)", groupMembers, a -> chat.enter(waste, online -> { }).close());
        check("typing", groupMembers, a -> chat.typing(waste));
        // Allowed senders are given an empty body, which fails after the security check.
        check("send in group", groupMembers, a -> chat.send(waste, id(), "", null));
        check("edit in group", groupMembers, a -> chat.edit(waste, 999_999, "x"));
        check("delete in group", groupMembers, a -> chat.delete(waste, 999_999));
        check("react in group", groupMembers, a -> chat.react(waste, 999_999, Reaction.LIKE));
        check("remove in group", Set.of("nattaya"), a -> chat.remove(waste, 999_999, "reason"));
        check("latest in network room", networkMembers, a -> chat.latest(general, 10));
        check("send in network room", networkMembers, a -> chat.send(general, id(), "", null));
        check("remove in network room", Set.of("kamonwan"), a -> chat.remove(general, 999_999, "reason"));
        check("myRooms", signedIn, a -> chat.myRooms());
        check("search", signedIn, a -> chat.search("งบประมาณ"));
        check("unknown room", Set.of(), a -> chat.latest(new RoomId("net-doesnotexist"), 10));
        check("malformed room", Set.of(), a -> chat.latest(new RoomId("{$ne:null}"), 10));
    }

    @Test
    @Order(2)
    void aResendWithTheSameClientIdIsStoredOnce() {
        TestUsers.signInAs(accounts, "anucha");
        String clientId = id();
        ChatMessage first = chat.send(waste, clientId, "ส่งซ้ำ", null);
        ChatMessage second = chat.send(waste, clientId, "ส่งซ้ำ", null);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(chat.after(waste, first.seq() - 1)).extracting(ChatMessage::clientId).containsOnlyOnce(clientId);
        // Someone else cannot take over another sender's client id.
        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> chat.send(waste, clientId, "แอบอ้าง", null)).hasMessageContaining("chat.error.clientId");
    }

    @Test
    @Order(2)
    void readersWaitForAMessageNumberedButNotStoredYetAndPassAHoleThatNeverFills() {
        TestUsers.signInAs(accounts, "anucha");
        ChatMessage before = chat.send(waste, id(), "ก่อนช่องว่าง", null);
        // Another sender (maybe on another node) took the next number and is storing its message.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(waste.value())), new Update().inc("seq", 1),
                "room_counters");
        ChatMessage after = chat.send(waste, id(), "หลังช่องว่าง", null);
        assertThat(after.seq()).isEqualTo(before.seq() + 2);
        assertThat(chat.after(waste, before.seq())).as("nobody moves past a message about to appear").isEmpty();
        assertThat(chat.latest(waste, 50)).extracting(ChatMessage::seq).contains(before.seq())
                .doesNotContain(after.seq());

        // It never arrives (the sender's node died): once the wait is over, the hole is passed over.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(after.id())), Update.update("createdAt",
                java.time.Instant.now().minus(ChatService.HOLE_WAIT).minusSeconds(1)), "messages");
        assertThat(chat.after(waste, before.seq())).extracting(ChatMessage::seq).containsExactly(after.seq());
    }

    @Test
    @Order(3)
    void concurrentSendersGetOneGaplessOrder() throws Exception {
        List<PhakhiUser> senders = List.of(user("anucha"), user("nattaya"), user("suda"), user("wichai"));
        TestUsers.signInAs(accounts, "anucha");
        long before = chat.latest(waste, 1).getLast().seq();
        List<CompletableFuture<ChatMessage>> sends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 60; i++) {
                PhakhiUser sender = senders.get(i % senders.size());
                String text = "ข้อความพร้อมกัน " + i;
                String clientId = id();
                sends.add(CompletableFuture.supplyAsync(() -> {
                    ChatMessage[] sent = new ChatMessage[1];
                    SystemRunner.runAs(sender, () -> sent[0] = chat.send(waste, clientId, text, null));
                    return sent[0];
                }, pool));
                if (i % 10 == 0) {
                    // a resend of the same message while others are being sent
                    sends.add(CompletableFuture.supplyAsync(() -> {
                        ChatMessage[] sent = new ChatMessage[1];
                        SystemRunner.runAs(sender, () -> sent[0] = chat.send(waste, clientId, text, null));
                        return sent[0];
                    }, pool));
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        }
        List<Long> seqs = new ArrayList<>(sends.stream().map(f -> f.join().seq()).distinct().toList());
        Collections.sort(seqs);
        assertThat(seqs).hasSize(60);
        List<ChatMessage> stored = chat.after(waste, before);
        assertThat(stored).hasSize(60);
        assertThat(stored).extracting(ChatMessage::text).doesNotHaveDuplicates();
        // Every reader sees the same order: ascending, gapless sequence numbers.
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i).seq()).isEqualTo(before + 1 + i);
        }
    }

    @Test
    @Order(4)
    void markdownIsRenderedAndEverythingElseIsInert() {
        TestUsers.signInAs(accounts, "anucha");
        List<String> corpus = List.of("<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
                "[คลิก](javascript:alert(1))", "<a href=\"http://x\" onclick=\"alert(1)\">x</a>",
                "<script>alert(1)</script>", "ไฟล์\u202Eexe.pdf", "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "<iframe src=\"https://evil.example\"></iframe>", "[x](JaVaScRiPt:alert(1))");
        for (String attack : corpus) {
            ChatMessage m = chat.send(waste, id(), attack, null);
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parseBodyFragment(m.html());
            assertThat(html.select("script, img, svg, iframe, object, embed, style")).as(attack).isEmpty();
            assertThat(html.getAllElements()).as(attack).allSatisfy(element -> assertThat(element.attributes().asList())
                    .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
            assertThat(html.select("a[href]")).as(attack).allSatisfy(a ->
                    assertThat(a.attr("href")).matches("(?i)(https?|mailto):.*"));
            assertThat(m.html()).doesNotContain("\u202E");
            assertThat(m.text()).doesNotContain("\u202E");
        }
        ChatMessage formatted = chat.send(waste, id(), "**ตัวหนา** *เอียง* [เว็บ](https://www.dla.go.th)\n- หนึ่ง\n- สอง", null);
        assertThat(formatted.html()).contains("<strong>ตัวหนา</strong>", "<em>เอียง</em>", "<ul>", "<li>หนึ่ง</li>",
                "href=\"https://www.dla.go.th\"", "rel=\"nofollow noopener noreferrer\"", "target=\"_blank\"");
        ChatMessage heading = chat.send(waste, id(), "# ไม่ใช่หัวเรื่อง", null);
        assertThat(heading.html()).doesNotContain("<h1");
    }

    @Test
    @Order(5)
    void tooLongOrEmptyMessagesAreRefusedWithTheLimitInTheMessage() {
        TestUsers.signInAs(accounts, "anucha");
        assertThatThrownBy(() -> chat.send(waste, id(), "ก".repeat(4_001), null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("chat.error.tooLong");
                    assertThat(e.params()).containsExactly(4_000, 4_001);
                });
        assertThatThrownBy(() -> chat.send(waste, id(), "   ", null)).hasMessageContaining("chat.error.empty");
        assertThat(chat.send(waste, id(), "ก".repeat(4_000), null).text()).hasSize(4_000);
    }

    @Test
    @Order(6)
    void repliesEditsDeletionsAndModeration() {
        TestUsers.signInAs(accounts, "suda");
        ChatMessage question = chat.send(waste, id(), "ใครมีแผนที่จุดทิ้งขยะบ้างคะ", null);
        TestUsers.signInAs(accounts, "anucha");
        ChatMessage answer = chat.send(waste, id(), "ผมมีครับ @สุดา", question.seq());
        assertThat(answer.replyTo().senderName()).isEqualTo("นางสุดา บุญมา");
        assertThat(answer.replyTo().excerpt()).contains("แผนที่");
        assertThat(answer.mentions()).containsExactly("นางสุดา บุญมา");
        ChatMessage edited = chat.edit(waste, answer.seq(), "ผมมีครับ จะส่งให้พรุ่งนี้");
        assertThat(edited.edited()).isTrue();
        assertThatThrownBy(() -> chat.edit(waste, question.seq(), "แก้ของคนอื่น"))
                .hasMessageContaining("chat.error.notYours");
        chat.react(waste, question.seq(), Reaction.THANKS);
        assertThat(chat.message(waste, question.id()).orElseThrow().reactions())
                .containsEntry("THANKS", List.of("นายอนุชา ปัญญาดี"));
        chat.react(waste, question.seq(), Reaction.THANKS);
        assertThat(chat.message(waste, question.id()).orElseThrow().reactions()).isEmpty();
        chat.delete(waste, answer.seq());
        ChatMessage deleted = chat.message(waste, answer.id()).orElseThrow();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.text()).isNull();

        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> chat.remove(waste, question.seq(), " ")).hasMessageContaining("validation.required");
        chat.remove(waste, question.seq(), "ข้อมูลส่วนบุคคล");
        ChatMessage removed = chat.message(waste, question.id()).orElseThrow();
        assertThat(removed.removedByName()).isEqualTo("นางณัฐยา คำแสง");
        assertThat(removed.removalReason()).isEqualTo("ข้อมูลส่วนบุคคล");
        TestUsers.signInAs(accounts, "wichai");
        assertThat(audit.entries("network:" + chiangMai.value(), 50)).extracting(AuditEntry::action)
                .contains("audit.chat.messageRemoved");
    }

    @Test
    @Order(7)
    void historyPagesByKeysetAndUnreadCountsFollowTheReadMark() {
        TestUsers.signInAs(accounts, "nattaya");
        List<ChatMessage> latest = chat.latest(waste, 10);
        assertThat(latest).hasSize(10);
        long oldest = latest.getFirst().seq();
        List<ChatMessage> older = chat.before(waste, oldest, 10);
        assertThat(older).hasSize(10);
        assertThat(older.getLast().seq()).isEqualTo(oldest - 1);
        chat.markRead(waste, latest.getLast().seq());
        assertThat(unread("nattaya")).isZero();
        TestUsers.signInAs(accounts, "anucha");
        chat.send(waste, id(), "ข้อความใหม่สำหรับหัวหน้า", null);
        chat.send(waste, id(), "อีกข้อความ", null);
        assertThat(unread("nattaya")).isEqualTo(2);
        TestUsers.signInAs(accounts, "nattaya");
        chat.markRead(waste, 1); // a read mark never moves backwards
        assertThat(chat.lastRead(waste)).isEqualTo(latest.getLast().seq());
    }

    @Test
    @Order(8)
    void searchFindsThaiWordsOnlyInTheUsersOwnRooms() {
        TestUsers.signInAs(accounts, "anucha");
        assertThat(chat.search("งบประมาณ")).extracting(ChatMessage::text)
                .contains("ขอบคุณเรื่องงบประมาณปีหน้าครับ อบต.ออนใต้พร้อมร่วมสนับสนุน");
        assertThat(chat.search("จุดทิ้งขยะ")).isNotEmpty();
        TestUsers.signInAs(accounts, "kamonwan"); // in the network, not in the waste group
        assertThat(chat.search("จุดทิ้งขยะ")).isEmpty();
        TestUsers.signInAs(accounts, "rattana");
        assertThat(chat.search("งบประมาณ")).isEmpty();
    }

    @Test
    @Order(100)
    void removedMemberLosesHistoryAndSearchAtOnce() {
        Person suda = SystemRunner.call(() -> people.byAccount(accounts.findByUsername("suda").orElseThrow().id()))
                .orElseThrow();
        TestUsers.signInAs(accounts, "suda");
        assertThat(chat.latest(waste, 5)).isNotEmpty();
        TestUsers.signInAs(accounts, "nattaya");
        groups.removeMember(waste.groupId(), suda.id());
        TestUsers.signInAs(accounts, "suda");
        assertThatThrownBy(() -> chat.latest(waste, 5)).isInstanceOf(AccessDeniedException.class);
        assertThat(chat.search("จุดทิ้งขยะ")).isEmpty();
        assertThat(chat.myRooms()).extracting(Room::id).doesNotContain(waste);
    }

    private long unread(String username) {
        TestUsers.signInAs(accounts, username);
        return chat.myRooms().stream().filter(r -> r.id().equals(waste)).findFirst().orElseThrow().unread();
    }

    private PhakhiUser user(String username) {
        var account = SystemRunner.call(() -> accounts.findByUsername(username)).orElseThrow();
        return new PhakhiUser(account.id(), account.username(), account.displayName(), account.roles(), true, null);
    }
}
