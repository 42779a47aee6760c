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
 * A message is one element whose inside is HTML built by MessageItem: every text in it must be
 * escaped (names, quoted excerpts, removal reasons, who reacted), and only the body — sanitized by
 * the chat service — goes in as HTML.
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

    private static String inside(MessageItem item) {
        return item.getElement().getProperty("innerHTML");
    }

    @Test
    void namesQuotesAndWhoReactedAreEscapedAndOnlyTheSanitizedBodyIsHtml() {
        MessageItem item = new MessageItem(message(false, null), false, true, false);
        String html = inside(item);
        assertThat(html).doesNotContain("<img", "<svg", "<script", "\"'>")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "<p>สวัสดีค่ะ <strong>ทุกท่าน</strong></p>")
                .contains("data-action=\"menu\"", "data-action=\"react\" data-reaction=\"LIKE\"", "👍 2");
        assertThat(item.getElement().getAttribute("data-client-id")).isEqualTo("client-" + ATTACK); // an attribute, escaped by Vaadin
        assertThat(item.getElement().getChildCount()).as("one element per message").isZero();
    }

    @Test
    void aRemovalReasonIsEscapedAndARemovedMessageHasNoButtons() {
        String html = inside(new MessageItem(message(true, ATTACK), false, true, true));
        assertThat(html).doesNotContain("<img", "<svg", "<script", "data-action").contains("&lt;script&gt;");
    }

    @Test
    void aReaderWhoCannotWriteSeesReactionsDisabledAndNoActions() {
        String html = inside(new MessageItem(message(false, null), false, false, false));
        assertThat(html).doesNotContain("data-action=\"menu\"").contains(" disabled>");
    }
}
