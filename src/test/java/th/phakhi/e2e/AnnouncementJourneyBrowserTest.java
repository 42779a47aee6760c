package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.phakhi.network.NetworkService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.BrowserTestBase;

/**
 * The secretariat of the Khon Kaen network posts an announcement to a working group that needs
 * acknowledgement; both members see it arrive live; one acknowledges; the secretariat sees 1 of 2
 * and reminds the other, who is told. In Thai, on phones.
 */
class AnnouncementJourneyBrowserTest extends BrowserTestBase {

    @Autowired
    NetworkService networks;

    private String khonKaen() {
        return SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น"))
                .findFirst().orElseThrow().id().value();
    }

    @Test
    void postAcknowledgeAndRemind() {
        String network = khonKaen();
        String title = "ขอความร่วมมือส่งข้อมูลเด็กนอกระบบการศึกษา";
        try (BrowserContext secretariatPhone = newContext(Screen.PHONE);
             BrowserContext mayorPhone = newContext(Screen.PHONE);
             BrowserContext otherMayorPhone = newContext(Screen.PHONE)) {
            Page rattana = mayorPhone.newPage();
            signIn(rattana, "rattana");
            Page thanakorn = otherMayorPhone.newPage();
            signIn(thanakorn, "thanakorn");

            Page pimchanok = secretariatPhone.newPage();
            signIn(pimchanok, "pimchanok");
            pimchanok.navigate(url("/networks/" + network + "/announcements"));
            settle(pimchanok);
            pimchanok.locator("#compose-announcement").click();
            pimchanok.locator("#announcement-title input").fill(title);
            pimchanok.locator("#announcement-category").click();
            pimchanok.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("ด่วน")).click();
            pimchanok.locator("vaadin-select").nth(1).click();
            pimchanok.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("คณะทำงานเด็ก")).click();
            pimchanok.locator("#announcement-body textarea").fill("กรุณาส่งข้อมูลภายใน **วันศุกร์นี้** "
                    + "<script>alert('x')</script> [ลิงก์แปลก](javascript:alert(1))");
            pimchanok.locator("#announcement-ack input").check();
            screenshot(pimchanok, "announcement-compose-th-phone");
            pimchanok.locator("#announcement-save").click();
            pimchanok.waitForURL(u -> u.contains("/announcements/"));
            settle(pimchanok);
            assertThat(pimchanok.locator("#announcement-heading")).hasText(title);
            assertThat(pimchanok.locator(".announcement-body strong")).hasText("วันศุกร์นี้");
            assertThat(pimchanok.locator(".announcement-body script")).hasCount(0);
            assertThat(pimchanok.locator(".announcement-body a[href^='javascript']")).hasCount(0);

            // Both members are told at once, wherever they are in the app.
            assertThat(rattana.locator("vaadin-notification-card").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))).isVisible();
            assertThat(thanakorn.locator("vaadin-notification-card").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))).isVisible();
            assertThat(rattana.locator("#notification-count")).isVisible();
            screenshot(rattana, "announcement-live-toast-th-phone");

            rattana.navigate(url("/"));
            settle(rattana);
            assertThat(rattana.locator("#home-awaiting")).containsText(title);
            rattana.locator("#home-awaiting a").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(title)).click();
            settle(rattana);
            screenshot(rattana, "announcement-member-th-phone");
            rattana.locator("#acknowledge").click();
            settle(rattana);
            assertThat(rattana.locator("#ack-bar")).containsText("องค์กรของคุณรับทราบแล้ว");

            // The secretariat's list updates live: 1 of 2, then a reminder to the other.
            assertThat(pimchanok.locator("#ack-summary")).hasText("รับทราบแล้ว 1 จาก 2 องค์กร");
            pimchanok.locator("#remind").click();
            settle(pimchanok);
            assertThat(pimchanok.locator("vaadin-notification-card").last()).containsText("ส่งการเตือนถึง 1 องค์กร");
            screenshot(pimchanok, "announcement-acknowledgements-th-phone");

            assertThat(thanakorn.locator("vaadin-notification-card").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("กรุณากดรับทราบ"))).isVisible();
            thanakorn.navigate(url("/notifications"));
            settle(thanakorn);
            assertThat(thanakorn.locator("#notifications")).containsText("เตือนจาก");
        }
    }

    @Test
    void publicNewsIsReadableWithoutSigningInAndShowsOnlyPublicAnnouncements() {
        String network = khonKaen();
        try (BrowserContext anonymous = newContext(Screen.PHONE)) {
            Page page = anonymous.newPage();
            page.navigate(url("/news/" + network));
            settle(page);
            assertThat(page.locator("#public-news")).containsText("ถอดบทเรียนรางวัลพระปกเกล้า");
            assertThat(page.locator("#public-news")).not().containsText("ขอความร่วมมือส่งข้อมูล");
            screenshot(page, "public-news-th-phone");
            var feed = page.request().get(url("/news/" + network + "/feed.atom"));
            org.assertj.core.api.Assertions.assertThat(feed.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(feed.text()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                    .contains("ถอดบทเรียนรางวัลพระปกเกล้า").doesNotContain("ขอความร่วมมือส่งข้อมูล");
        }
    }
}
