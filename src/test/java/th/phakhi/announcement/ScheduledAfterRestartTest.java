package th.phakhi.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.Notification;
import th.phakhi.notification.NotificationService;
import th.phakhi.realtime.LiveEvent;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.mongo.EmbeddedMongoProperties;
import th.phakhi.shared.mongo.EmbeddedMongoServer;
import th.phakhi.support.AppProcess;
import th.phakhi.support.TestUsers;

/**
 * A scheduled announcement survives the node that accepted it: this test's context takes the post
 * and never publishes (its publisher is switched off, as if the app went down); a node started
 * afterwards on the same database publishes it at its time, once, with its notifications — which
 * reach this node live through the change stream.
 */
@SpringBootTest(properties = {"phakhi.test.context=restart", "phakhi.announcements.publish-interval=PT1H",
        "phakhi.announcements.publish-initial-delay=PT1H"})
@ActiveProfiles("test")
class ScheduledAfterRestartTest {

    static final EmbeddedMongoServer DATABASE = startDatabase();

    private static EmbeddedMongoServer startDatabase() {
        try {
            return new EmbeddedMongoServer(new EmbeddedMongoProperties(Path.of("target"), true, "127.0.0.1",
                    AppProcess.freePort(), "phakhi")).start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", DATABASE::connectionString);
    }

    @AfterAll
    static void stopDatabase() {
        DATABASE.stop();
    }

    @Autowired
    AnnouncementService announcements;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;
    @Autowired
    NotificationService notifications;
    @Autowired
    LiveEvents live;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aNodeStartedAfterThePostPublishesItAtItsTimeOnce() throws Exception {
        NetworkId chiangMai = SystemRunner.call(() -> networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id());
        String title = "ประชุมใหญ่สามัญประจำปี (ตั้งเวลาไว้ก่อนรีสตาร์ต)";
        TestUsers.signInAs(accounts, "kamonwan");
        AnnouncementId id = announcements.post(chiangMai, new AnnouncementForm(title, "ขอเชิญทุกองค์กร",
                Category.MEETING, null, List.of(), Instant.now().plusSeconds(8), null, false, false, false));
        TestUsers.signInAs(accounts, "anucha");
        assertThatThrownBy(() -> announcements.find(id)).isInstanceOf(AccessDeniedException.class);

        // This node is told through the change stream, with only the notification's id.
        String anucha = SystemRunner.call(() -> accounts.findByUsername("anucha")).orElseThrow().id().value();
        BlockingQueue<LiveEvent> toldHere = new LinkedBlockingQueue<>();
        LiveEvents.Subscription subscription = live.subscribe(NotificationService.topic(anucha), toldHere::add);

        try (subscription; AppProcess restarted = AppProcess.start("restarted-node", java.util.Map.of(
                "spring.mongodb.uri", DATABASE.connectionString(),
                "phakhi.announcements.publish-interval", "PT1S")).awaitReady(Duration.ofSeconds(120))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean published = false;
            while (!published && System.nanoTime() < deadline) {
                published = SystemRunner.call(() -> announcements.find(id).published());
                if (!published) {
                    Thread.sleep(500);
                }
            }
            assertThat(published).as("published by the node started later; its log:%n%s", restarted.tail()).isTrue();
            LiveEvent event = toldHere.poll(15, TimeUnit.SECONDS);
            assertThat(event).as("the notification reached this node live").isNotNull();
            assertThat(event.type()).isEqualTo(NotificationService.NOTIFICATION);
            TestUsers.signInAs(accounts, "anucha");
            assertThat(notifications.mine(event.subject())).map(Notification::params).get()
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(title);
            TestUsers.signInAs(accounts, "kamonwan");
            assertThat(notifications.mine(event.subject())).as("someone else's notification").isEmpty();
            Thread.sleep(3_000); // a few more rounds of the restarted node's publisher
        }
        TestUsers.signInAs(accounts, "anucha");
        assertThat(announcements.find(id).published()).isTrue();
        List<Notification> told = notifications.mine(50).stream().filter(n -> n.params().contains(title)).toList();
        assertThat(told).as("the member is told once").hasSize(1);
    }
}
