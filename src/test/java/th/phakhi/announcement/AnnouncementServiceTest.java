package th.phakhi.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.shared.Link;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.Notification;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.text.SpreadsheetCsv;
import th.phakhi.support.Permissions;
import th.phakhi.support.TestUsers;

/** Announcements: who may do what, acknowledgement once, scheduling once, public pages, bad input. */
@SpringBootTest(properties = "phakhi.test.context=announcements")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnouncementServiceTest {

    @Autowired
    AnnouncementService announcements;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;
    @Autowired
    NotificationService notifications;
    @Autowired
    MongoTemplate mongo;

    NetworkId chiangMai;
    NetworkId khonKaen;

    // anonymous; somsak (outside); rattana (Khon Kaen only); anucha (Chiang Mai member, leader of On Tai);
    // kamonwan (Chiang Mai secretariat); wichai (Chiang Mai secretary-general); admin (platform)
    static final List<String> ACTORS = List.of("anonymous", "somsak", "rattana", "anucha", "kamonwan", "wichai", "admin");

    @BeforeEach
    void ids() {
        SystemRunner.run(() -> {
            chiangMai = named("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่");
            khonKaen = named("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น");
        });
    }

    private NetworkId named(String name) {
        return networks.browse(null, null).stream().filter(n -> n.nameTh().equals(name)).findFirst().orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static AnnouncementForm form(String title, boolean ack, boolean isPublic, Instant publishAt) {
        return new AnnouncementForm(title, "เนื้อหา **สำคัญ**", Category.NEWS, null, List.of(), publishAt, null, false,
                ack, isPublic);
    }

    private AnnouncementId post(String user, NetworkId network, AnnouncementForm form) {
        TestUsers.signInAs(accounts, user);
        try {
            return announcements.post(network, form);
        } finally {
            TestUsers.signOut();
        }
    }

    private void check(String operation, Set<String> allowed, Consumer<String> call) {
        Permissions.assertMatrix(accounts, ACTORS, operation, allowed, call);
    }

    @Test
    @Order(1)
    void permissionMatrix() {
        AnnouncementId id = post("kamonwan", chiangMai, form("ประกาศทดสอบสิทธิ์", true, false, null));
        Set<String> secretariat = Set.of("kamonwan", "wichai", "admin");
        Set<String> readers = Set.of("anucha", "kamonwan", "wichai", "admin");
        AnnouncementForm invalid = new AnnouncementForm("", "", null, null, List.of(), null, null, false, false, false);
        check("post", secretariat, a -> announcements.post(chiangMai, invalid));
        check("update", secretariat, a -> announcements.update(id, invalid));
        check("setPinned", secretariat, a -> announcements.setPinned(id, false));
        check("acknowledgements", secretariat, a -> announcements.acknowledgements(id));
        check("remind", secretariat, a -> announcements.remind(id));
        check("acknowledgementsCsv", secretariat, a -> announcements.acknowledgementsCsv(id, Locale.ROOT));
        check("list", readers, a -> announcements.list(chiangMai, false));
        check("find", readers, a -> announcements.find(id));
        check("replies", readers, a -> announcements.replies(id));
        check("reply", readers, a -> announcements.reply(id, ""));
        // Only a representative of a member organization acknowledges (the platform admin has no organization).
        check("acknowledge", Set.of("anucha", "wichai"), a -> announcements.acknowledge(id));
        check("awaitingMyAcknowledgement", Set.of("somsak", "rattana", "anucha", "kamonwan", "wichai", "admin"),
                a -> announcements.awaitingMyAcknowledgement());
        check("publicNews (open to all)", Set.copyOf(ACTORS), a -> announcements.publicNews(chiangMai));
        check("publicAnnouncement (open to all)", Set.copyOf(ACTORS), a -> announcements.publicAnnouncement(id));
    }

    @Test
    @Order(2)
    void acknowledgingTwiceRecordsOnceAndAnotherNetworksAnnouncementIsRefused() {
        AnnouncementId id = post("kamonwan", chiangMai, form("ขอให้รับทราบ", true, false, null));
        TestUsers.signInAs(accounts, "anucha");
        assertThat(announcements.find(id).canAcknowledge()).isTrue();
        announcements.acknowledge(id);
        Instant first = ackTime(id, "anucha");
        TestUsers.signInAs(accounts, "anucha");
        assertThat(announcements.find(id).canAcknowledge()).as("no longer offered").isFalse();
        announcements.acknowledge(id); // a second press (another tab, a double tap) changes nothing
        assertThat(ackTime(id, "anucha")).isEqualTo(first);
        TestUsers.signInAs(accounts, "rattana");
        assertThatThrownBy(() -> announcements.acknowledge(id)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signInAs(accounts, "kamonwan");
        List<Acknowledgement> list = announcements.acknowledgements(id);
        assertThat(list.stream().filter(Acknowledgement::acknowledged)).hasSize(1);
        assertThat(list).hasSize(networks.memberOrganizations(chiangMai).size());
        assertThat(announcements.remind(id)).isEqualTo(list.size() - 1);
    }

    private Instant ackTime(AnnouncementId id, String username) {
        TestUsers.signInAs(accounts, "kamonwan");
        return announcements.acknowledgements(id).stream().filter(Acknowledgement::acknowledged).findFirst()
                .orElseThrow().at();
    }

    @Test
    @Order(3)
    void aScheduledAnnouncementAppearsAtItsTimeOnce() throws Exception {
        AnnouncementId id = post("kamonwan", chiangMai, form("ประกาศล่วงหน้า", false, false,
                Instant.now().plusSeconds(2)));
        TestUsers.signInAs(accounts, "anucha");
        assertThat(announcements.list(chiangMai, false)).extracting(Announcement::id).doesNotContain(id);
        assertThatThrownBy(() -> announcements.find(id)).isInstanceOf(AccessDeniedException.class);
        long before = notifications.mine(50).stream().filter(n -> n.params().contains("ประกาศล่วงหน้า")).count();
        Thread.sleep(2_500);
        // Several nodes (here: threads) try at once after a restart; it is published exactly once.
        CompletableFuture<?>[] tries = new CompletableFuture<?>[4];
        for (int i = 0; i < tries.length; i++) {
            tries[i] = CompletableFuture.runAsync(() -> announcements.publishDue());
        }
        CompletableFuture.allOf(tries).join();
        TestUsers.signInAs(accounts, "anucha");
        assertThat(announcements.find(id).published()).isTrue();
        List<Notification> told = notifications.mine(50).stream().filter(n -> n.params().contains("ประกาศล่วงหน้า")).toList();
        assertThat(told).hasSize((int) before + 1);
        TestUsers.signInAs(accounts, "kamonwan");
        assertThat(notifications.mine(50)).as("the author is not told of her own announcement")
                .noneMatch(n -> n.params().contains("ประกาศล่วงหน้า"));
    }

    @Test
    @Order(3)
    void aPublicationLeftHalfDoneByAKilledNodeIsFinishedOnceWhenItsClaimExpires() throws Exception {
        AnnouncementId id = post("kamonwan", chiangMai, form("ประกาศที่โหนดล่มระหว่างส่ง", false, false,
                Instant.now().plusSeconds(2)));
        String link = "announcements/" + id.value();
        // A node claimed it, told anucha, and was killed before finishing. (The claim is set before
        // the due time, so this context's own scheduled publisher cannot get there first.)
        String anucha = mongo.findOne(Query.query(Criteria.where("username").is("anucha")), org.bson.Document.class,
                "accounts").getObjectId("_id").toHexString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())),
                Update.update("publishClaimUntil", Instant.now().plusSeconds(60)), "announcements");
        Thread.sleep(2_500); // now due
        SystemRunner.run(() -> notifications.notifyOnce("announcement-" + id.value(),
                List.of(new th.phakhi.security.AccountId(anucha)), th.phakhi.notification.NotificationKind.ANNOUNCEMENT,
                "notification.announcement", List.of("เชียงใหม่", "ประกาศที่โหนดล่มระหว่างส่ง"), link));

        announcements.publishDue();
        assertThat(mongo.count(Query.query(Criteria.where("link").is(link)), "notifications"))
                .as("while the claim holds, nobody else redoes the work").isEqualTo(1);

        // The claim runs out: the next poll (several nodes at once) finishes it, nobody hears twice.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id.value())),
                Update.update("publishClaimUntil", Instant.now().minusSeconds(1)), "announcements");
        CompletableFuture<?>[] tries = new CompletableFuture<?>[3];
        for (int i = 0; i < tries.length; i++) {
            tries[i] = CompletableFuture.runAsync(() -> announcements.publishDue());
        }
        CompletableFuture.allOf(tries).join();
        announcements.publishDue();
        // This context's scheduled publisher may be the one that got the claim: wait for it to finish.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!mongo.exists(Query.query(Criteria.where("_id").is(id.value()).and("published").is(true)),
                th.phakhi.announcement.internal.AnnouncementDocument.class) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String> recipients = mongo.find(Query.query(Criteria.where("link").is(link)), org.bson.Document.class,
                "notifications").stream().map(d -> d.getString("recipient")).toList();
        assertThat(recipients).contains(anucha).doesNotHaveDuplicates().hasSizeGreaterThan(3);
        assertThat(mongo.count(Query.query(Criteria.where("link").is(link)), "feed_items")).isEqualTo(1);
        TestUsers.signInAs(accounts, "anucha");
        assertThat(announcements.find(id).published()).isTrue();
    }

    @Test
    @Order(4)
    void publicPagesShowOnlyWhatWasMarkedPublic() {
        AnnouncementId internal = post("kamonwan", chiangMai, form("เฉพาะสมาชิก", false, false, null));
        AnnouncementId open = post("kamonwan", chiangMai, form("ข่าวสาธารณะ", false, true, null));
        AnnouncementId later = post("kamonwan", chiangMai, form("สาธารณะแต่ยังไม่ถึงเวลา", false, true,
                Instant.now().plusSeconds(3600)));
        TestUsers.signOut();
        assertThat(announcements.publicAnnouncement(internal)).isEmpty();
        assertThat(announcements.publicAnnouncement(later)).isEmpty();
        assertThat(announcements.publicAnnouncement(open)).isPresent();
        assertThat(announcements.publicAnnouncement(new AnnouncementId("{\"$ne\":null}"))).isEmpty();
        var news = announcements.publicNews(chiangMai).orElseThrow();
        assertThat(news.items()).extracting(Announcement::title).contains("ข่าวสาธารณะ")
                .doesNotContain("เฉพาะสมาชิก", "สาธารณะแต่ยังไม่ถึงเวลา");
        // A members-only network has no public page at all.
        NetworkId summit = SystemRunner.call(() -> named("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น"));
        assertThat(announcements.publicNews(summit)).isEmpty();
    }

    @Test
    @Order(5)
    void badInputIsRefusedClearlyOrRenderedInert() {
        TestUsers.signInAs(accounts, "kamonwan");
        assertThatThrownBy(() -> announcements.post(chiangMai, form("  ", false, false, null)))
                .hasMessageContaining("validation.required");
        AnnouncementForm huge = new AnnouncementForm("ยาวมาก", "ก".repeat(100_000), Category.NEWS, null, List.of(), null,
                null, false, false, false);
        assertThatThrownBy(() -> announcements.post(chiangMai, huge)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("validation.tooLong"));
        AnnouncementForm badLink = new AnnouncementForm("ลิงก์", "x", Category.NEWS, null,
                List.of(new Link("x", "javascript:alert(1)")), null, null, false, false, false);
        assertThatThrownBy(() -> announcements.post(chiangMai, badLink)).hasMessageContaining("validation.link");
        AnnouncementId id = announcements.post(chiangMai, new AnnouncementForm("<b>หัวเรื่อง</b>",
                "<script>alert(1)</script> <img src=x onerror=alert(1)> [คลิก](javascript:alert(1))", Category.URGENT,
                null, List.of(), null, null, false, false, false));
        Announcement a = announcements.find(id);
        assertThat(a.title()).isEqualTo("<b>หัวเรื่อง</b>");
        var html = org.jsoup.Jsoup.parseBodyFragment(a.html());
        assertThat(html.select("script, img")).isEmpty();
        assertThat(html.select("a[href]")).isEmpty();
    }

    @Test
    @Order(6)
    void csvValuesThatASpreadsheetWouldRunAreEscaped() {
        assertThat(SpreadsheetCsv.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(SpreadsheetCsv.safe("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCsv.safe("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCsv.safe("เทศบาลนครเชียงใหม่")).isEqualTo("เทศบาลนครเชียงใหม่");
        AnnouncementId id = post("kamonwan", chiangMai, form("ส่งออกรายชื่อ", true, false, null));
        TestUsers.signInAs(accounts, "kamonwan");
        String csv = announcements.acknowledgementsCsv(id, Locale.forLanguageTag("th-TH"));
        assertThat(csv).startsWith("\uFEFFcode,organization,acknowledged,at,by").contains("เทศบาลนครเชียงใหม่");
    }
}
