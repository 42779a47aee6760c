package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.BrowserTestBase;
import th.phakhi.support.TestUsers;

/**
 * A mayor shares an update from his phone and another member sees it arrive on her desktop; an
 * announcement lights the bell on both of his devices, and reading it on one clears the other.
 */
class FeedAndNotificationsBrowserTest extends BrowserTestBase {

    @Autowired
    NetworkService networks;
    @Autowired
    AnnouncementService announcements;
    @Autowired
    AccountService accounts;

    @Test
    void updatesArriveLiveAndReadingOnOneDeviceClearsTheBellOnTheOther() {
        var chiangMai = SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id();
        String update = "ธนาคารขยะตำบลออนใต้มีสมาชิกครบ 300 ครัวเรือนแล้ว";
        try (BrowserContext anuchaPhoneContext = newContext(Screen.PHONE);
             BrowserContext anuchaDesktopContext = newContext(Screen.DESKTOP);
             BrowserContext nattayaDesktopContext = newContext(Screen.DESKTOP)) {
            Page nattaya = nattayaDesktopContext.newPage();
            signIn(nattaya, "nattaya");
            nattaya.navigate(url("/networks/" + chiangMai.value()));
            settle(nattaya);
            Page phone = anuchaPhoneContext.newPage();
            signIn(phone, "anucha");
            phone.navigate(url("/networks/" + chiangMai.value()));
            settle(phone);

            phone.locator("#feed-text textarea").fill(update);
            phone.locator("#feed-link input").fill("https://example.org/waste-bank");
            phone.locator("#feed-post").click();
            settle(phone);
            assertThat(phone.locator("#feed-text textarea")).hasValue("");
            assertThat(phone.locator("#feed .feed-item").first()).containsText(update);
            phone.locator("#feed .feed-item").first().scrollIntoViewIfNeeded();
            screenshot(phone, "feed-th-phone");

            // Nattaya did nothing: the update appears at the top of her feed.
            assertThat(nattaya.locator("#feed .feed-item").first()).containsText(update);
            assertThat(nattaya.locator("#feed .feed-item").first().locator("a[href='https://example.org/waste-bank']"))
                    .hasAttribute("rel", "nofollow noopener noreferrer");
            nattaya.locator("#feed").scrollIntoViewIfNeeded();
            screenshot(nattaya, "feed-th-desktop");

            Page desktop = anuchaDesktopContext.newPage();
            signIn(desktop, "anucha");
            String title = "เชิญประชุมประจำเดือนธันวาคม";
            TestUsers.signInAs(accounts, "kamonwan");
            try {
                announcements.post(chiangMai, new AnnouncementForm(title, "ณ ห้องประชุม อบจ.เชียงใหม่", Category.MEETING,
                        null, List.of(), null, null, false, false, false));
            } finally {
                TestUsers.signOut();
            }
            assertThat(phone.locator("#notification-count")).isVisible();
            assertThat(desktop.locator("#notification-count")).isVisible();

            desktop.locator("#notification-bell").click();
            settle(desktop);
            assertThat(desktop.locator("#notifications .notification.unread").first()).containsText(title);
            screenshot(desktop, "notifications-th-desktop");
            desktop.locator("#mark-all-read").click();
            settle(desktop);
            assertThat(desktop.locator("#notifications .notification.unread")).hasCount(0);
            assertThat(desktop.locator("#notification-count")).isHidden();
            // Read on the desktop: the phone's bell counts down without a reload.
            assertThat(phone.locator("#notification-count")).isHidden();

            phone.locator("#notification-bell").click();
            settle(phone);
            phone.locator("vaadin-details.email-settings").click();
            assertThat(phone.locator("#email-settings")).containsText("ยังไม่ได้ตั้งค่าอีเมล");
            phone.locator("#email-settings").scrollIntoViewIfNeeded();
            screenshot(phone, "notifications-th-phone");
        }
    }
}
