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
import th.phakhi.network.NetworkService;
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

    String general;

    @BeforeEach
    void generalRoom() {
        SystemRunner.run(() -> general = RoomId.of(networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals(Cluster.DEMO_NETWORK)).findFirst().orElseThrow().id()).value());
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
