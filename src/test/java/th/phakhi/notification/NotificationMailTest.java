package th.phakhi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.TestUsers;

/** Notifications by e-mail through a real SMTP server (GreenMail): Thai subjects, preferences, digests. */
@SpringBootTest(properties = {"phakhi.test.context=mail", "spring.mail.host=127.0.0.1", "spring.mail.port=3925",
        "phakhi.base-url=https://phakhi.example"})
@ActiveProfiles("test")
class NotificationMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", "smtp"));

    @Autowired
    AnnouncementService announcements;
    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationMailer mailer;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void announcementsGoOutAtOnceWithThaiSubjectsAndRespectEachPersonsChoice() throws Exception {
        var khonKaen = SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น")).findFirst().orElseThrow().id();
        TestUsers.signInAs(accounts, "kittipong");
        assertThat(notifications.emailEnabled()).isTrue();
        notifications.setEmailPreference(NotificationKind.ANNOUNCEMENT, EmailDelivery.NEVER);
        TestUsers.signInAs(accounts, "rattana");
        notifications.setEmailPreference(NotificationKind.ANNOUNCEMENT, EmailDelivery.DAILY);
        assertThat(notifications.emailPreferences()).containsEntry(NotificationKind.ANNOUNCEMENT, EmailDelivery.DAILY)
                .containsEntry(NotificationKind.REMINDER, EmailDelivery.IMMEDIATE);

        TestUsers.signInAs(accounts, "pimchanok");
        announcements.post(khonKaen, new AnnouncementForm("ประชุมด่วนเรื่องน้ำท่วม", "กรุณาเข้าร่วม", Category.URGENT,
                null, List.of(), null, null, false, true, false));
        TestUsers.signOut();

        assertThat(SMTP.waitForIncomingEmail(15_000, 2)).isTrue();
        Thread.sleep(1_000);
        // Only this announcement's mail counts (demo data may still be delivering its own).
        List<MimeMessage> received = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).contains("ประชุมด่วนเรื่องน้ำท่วม")).toList();
        List<String> to = received.stream().map(NotificationMailTest::recipient).toList();
        assertThat(to).contains("thanakorn@example.org", "boonmee@example.org")
                .doesNotContain("kittipong@example.org", "rattana@example.org");
        MimeMessage mail = received.stream().filter(m -> recipient(m).equals("thanakorn@example.org"))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject())
                .isEqualTo("ภาคี: ด่วนจาก เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น: \"ประชุมด่วนเรื่องน้ำท่วม\"");
        assertThat((String) mail.getContent()).contains("https://phakhi.example/announcements/");

        // Rattana chose the daily digest: it comes once, with the announcement in it.
        SMTP.reset();
        String rattana = SystemRunner.call(() -> accounts.findByUsername("rattana")).orElseThrow().id().value();
        mailer.sendDigest(rattana);
        mailer.sendDigest(rattana);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        Thread.sleep(500);
        List<MimeMessage> digests = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipient(m).equals("rattana@example.org")).toList();
        assertThat(digests).hasSize(1);
        MimeMessage digest = digests.getFirst();
        assertThat(digest.getSubject()).startsWith("ภาคี: การแจ้งเตือนใหม่");
        assertThat((String) digest.getContent()).contains("ประชุมด่วนเรื่องน้ำท่วม");
    }
}
