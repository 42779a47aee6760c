package th.phakhi.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.phakhi.support.PhakhiTest;

/**
 * Live notices close themselves in the browser, which then tells the server. A browser asleep in
 * the background never does: the server must not keep every notice of the day for such a screen
 * (found by the 30-minute soak with screens: 25 open notices per screen after 15 minutes). Here
 * the browserless client reports closings; a client that never does is in ChatScreenProtocolTest.
 */
@PhakhiTest
class NoticesTest extends SpringBrowserlessTest {

    /** Notices still in the screen's component tree (a closed one leaves it, and the server's memory). */
    private static List<Notification> openNotices() {
        return UI.getCurrent().getChildren().filter(Notification.class::isInstance).map(Notification.class::cast)
                .toList();
    }

    @Test
    void aScreenWhoseBrowserNeverClosesNoticesKeepsOnlyTheNewestThree() {
        Div context = new Div();
        UI.getCurrent().add(context);
        for (int i = 1; i <= 20; i++) {
            Notices.info(context, "ประกาศฉบับที่ " + i, "announcements");
            roundTrip(); // each arrives in its own push
        }
        List<Notification> open = openNotices();
        assertThat(open).hasSize(Notices.MAX_LIVE_NOTICES);
        assertThat(open.stream().map(n -> n.getElement().getTextRecursively()))
                .containsExactly("ประกาศฉบับที่ 18", "ประกาศฉบับที่ 19", "ประกาศฉบับที่ 20");
    }

    @Test
    void bottomNoticesReplaceEachOther() {
        Div context = new Div();
        UI.getCurrent().add(context);
        Notices.error(context, "error.accessDenied");
        roundTrip();
        Notices.success(context, "error.accessDenied");
        roundTrip();
        assertThat(openNotices()).hasSize(1);
    }
}
