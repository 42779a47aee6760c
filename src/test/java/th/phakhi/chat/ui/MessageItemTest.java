package th.phakhi.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.RoomId;
import th.phakhi.shared.i18n.Language;
import th.phakhi.support.PhakhiTest;

/**
 * A message is HTML built by MessageItem and inserted into the browser's list: every text in it must
 * be escaped (names, quoted excerpts, removal reasons, who reacted, the client id), and only the
 * body — sanitized by the chat service — goes in as HTML.
 */
@PhakhiTest
class MessageItemTest extends SpringBrowserlessTest {

    static final String ATTACK = "<img src=x onerror=alert(1)><svg onload=alert(2)>\"'><script>alert(3)</script>";

    @BeforeEach
    void thai() {
        UI.getCurrent().setLocale(Language.TH.locale());
    }

    private static ChatMessage message(boolean deleted, String removalReason) {
        return new ChatMessage("net-x.000000000007", new RoomId("net-x"), 7, "client-" + ATTACK, "acc-1", ATTACK,
                "hi", "<p>สวัสดีค่ะ <strong>ทุกท่าน</strong></p>", new ChatMessage.Reply(6, ATTACK, ATTACK),
                List.of(), Map.of("LIKE", List.of(ATTACK, "วิชัย")), Instant.now(), Instant.now(), deleted,
                deleted ? ATTACK : null, removalReason);
    }

    private static String html(ChatMessage message, boolean canWrite, boolean canModerate) {
        return MessageItem.html(message, false, canWrite, canModerate, UI.getCurrent(), Language.TH.locale());
    }

    @Test
    void namesQuotesAndWhoReactedAreEscapedAndOnlyTheSanitizedBodyIsHtml() {
        String html = html(message(false, null), true, false);
        assertThat(html).doesNotContain("<img", "<svg", "<script", "\"'>")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "<p>สวัสดีค่ะ <strong>ทุกท่าน</strong></p>")
                .contains("data-action=\"menu\"", "data-action=\"react\" data-reaction=\"LIKE\"", "👍 2")
                .startsWith("<div class=\"msg\" id=\"msg-7\" data-seq=\"7\" data-client-id=\"client-&lt;img");
    }

    @Test
    void aRemovalReasonIsEscapedAndARemovedMessageHasNoButtons() {
        String html = html(message(true, ATTACK), true, true);
        assertThat(html).doesNotContain("<img", "<svg", "<script", "data-action").contains("&lt;script&gt;");
    }

    @Test
    void aReaderWhoCannotWriteSeesReactionsDisabledAndNoActions() {
        String html = html(message(false, null), false, false);
        assertThat(html).doesNotContain("data-action=\"menu\"").contains(" disabled>");
    }
}
