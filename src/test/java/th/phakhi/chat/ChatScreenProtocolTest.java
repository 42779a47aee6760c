package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collections;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.support.TestUsers;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.ChatMember;
import th.phakhi.support.BrowserTestBase;
import th.phakhi.support.Cluster;
import th.phakhi.support.VaadinScreen;

/**
 * The load generator's protocol-level screen ({@link VaadinScreen}) drives the real chat view:
 * signed-in members get the composer, what one sends through it is pushed to the other's screen,
 * a signed-out client gets no chat screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChatScreenProtocolTest {

    @LocalServerPort
    int port;
    @Autowired
    NetworkService networks;
    @Autowired
    AnnouncementService announcements;
    @Autowired
    AccountService accounts;
    @Autowired
    ServletWebServerApplicationContext server;

    String general;
    NetworkId network;

    @BeforeEach
    void generalRoom() {
        SystemRunner.run(() -> network = networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals(Cluster.DEMO_NETWORK)).findFirst().orElseThrow().id());
        general = RoomId.of(network).value();
    }

    /** A demo member signed in with the general room open. */
    private VaadinScreen inGeneralRoom(String username, Recorder recorder) throws Exception {
        VaadinScreen screen = new VaadinScreen(port, recorder);
        screen.signIn(username, BrowserTestBase.PASSWORD);
        screen.open(general);
        return screen;
    }

    /** Keeps push payloads and errors. */
    static final class Recorder implements VaadinScreen.Listener {
        final BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<String> timed = new CopyOnWriteArrayList<>();
        final List<Long> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void delivered(long nanos) {
            delivered.add(nanos);
        }

        @Override
        public void timed(String op, long nanos) {
            timed.add(op);
        }

        @Override
        public void failed(String op, Exception e) {
            errors.add(op + ": " + e);
        }

        @Override
        public void payload(boolean push, String text) {
            if (push) {
                pushed.add(text);
            }
        }

        /** Waits for a push payload containing {@code text}. */
        boolean awaitPush(String text, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String p = pushed.poll(200, TimeUnit.MILLISECONDS);
                if (p != null && p.contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void whatOneMemberSendsThroughTheComposerIsPushedToAnotherMembersScreen() throws Exception {
        Recorder nattayas = new Recorder();
        Recorder wichais = new Recorder();
        try (VaadinScreen nattaya = inGeneralRoom("nattaya", nattayas);
             VaadinScreen wichai = inGeneralRoom("wichai", wichais)) {

            String text = "ทดสอบหน้าจอระดับโปรโตคอล " + System.nanoTime();
            nattaya.say(text);

            assertThat(wichais.awaitPush(text, 20)).as("the message pushed to the other screen").isTrue();
            assertThat(nattayas.timed).contains(VaadinScreen.SIGN_IN, VaadinScreen.OPEN, VaadinScreen.TYPE,
                    VaadinScreen.SEND);
            assertThat(nattayas.errors).isEmpty();
            assertThat(wichais.errors).isEmpty();
        }
    }

    @Test
    void aBenchMessageSentFromAScreenIsCountedOnceOnEveryScreen() throws Exception {
        Recorder senders = new Recorder();
        Recorder readers = new Recorder();
        try (VaadinScreen sender = inGeneralRoom("suda", senders);
             VaadinScreen reader = inGeneralRoom("anucha", readers)) {
            long stamp = sender.sendBench();
            assertThat(sender.saw(stamp)).as("the sender's own screen shows it at once").isTrue();
            assertThat(readers.awaitPush(ChatMember.PREFIX + stamp, 20)).isTrue();
            assertThat(reader.saw(stamp)).isTrue();
            // Give a duplicate render (the same message pushed again) the chance to come.
            Thread.sleep(1_000);
            assertThat(readers.delivered).hasSize(1);
            assertThat(sender.duplicates()).isZero();
            assertThat(reader.duplicates()).isZero();
        }
    }

    /**
     * A screen whose browser runs no script — like a phone asleep with the app open — never reports
     * a notice closed; the server keeps at most three of its notices however many notifications
     * come (the 30-minute soak found every one of them kept, about 4 KB each).
     */
    @Test
    void aScreenThatNeverClosesItsNoticesKeepsAtMostThreeOnTheServer() throws Exception {
        Recorder wichais = new Recorder();
        try (VaadinScreen wichai = inGeneralRoom("wichai", wichais)) {
            TestUsers.signInAs(accounts, "kamonwan");
            String last = null;
            try {
                for (int i = 1; i <= 6; i++) {
                    last = "ประกาศทดสอบหน้าจอที่หลับอยู่ " + i + " " + System.nanoTime();
                    announcements.post(network, new AnnouncementForm(last, "เนื้อหา", Category.NEWS, null, List.of(),
                            null, null, false, false, false));
                }
            } finally {
                TestUsers.signOut();
            }
            assertThat(wichais.awaitPush(last, 20)).as("the last notice pushed to the screen").isTrue();
            List<UI> uis = openUis();
            assertThat(uis).isNotEmpty();
            for (UI ui : uis) {
                long[] notices = new long[1];
                ui.getSession().accessSynchronously(() ->
                        notices[0] = ui.getChildren().filter(Notification.class::isInstance).count());
                assertThat(notices[0]).as("notices kept for a screen").isLessThanOrEqualTo(3);
            }
        }
    }

    /** The Vaadin UIs of every HTTP session of this server. */
    private List<UI> openUis() {
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        List<UI> uis = new ArrayList<>();
        for (Session session : context.getManager().findSessions()) {
            HttpSession http = session.getSession();
            for (String name : Collections.list(http.getAttributeNames())) {
                if (http.getAttribute(name) instanceof VaadinSession vaadin) {
                    vaadin.accessSynchronously(() -> uis.addAll(vaadin.getUIs()));
                }
            }
        }
        return uis;
    }

    @Test
    void aSignedOutClientDoesNotGetTheChatScreen() throws Exception {
        Recorder stranger = new Recorder();
        try (VaadinScreen screen = new VaadinScreen(port, stranger)) {
            screen.anonymousSession();
            assertThatThrownBy(() -> screen.open(general)).hasMessageContaining("did not open");
            assertThat(stranger.errors).singleElement().asString().startsWith(VaadinScreen.OPEN);
        }
    }
}
