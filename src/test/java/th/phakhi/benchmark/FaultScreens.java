package th.phakhi.benchmark;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.phakhi.support.BrowserTestBase;
import th.phakhi.support.Cluster;

/**
 * What a member sees on a phone during the faults of {@link FaultInjection}, with screenshots
 * (target/screenshots/fault-*.png; with -Dphakhi.docs.screenshots=true also docs/screenshots):
 * the database stops while she sends (the message shows as "sending", then a clear refusal with
 * the text kept; sent once when the database is back), and her node is killed (the reconnecting
 * notice). Run with {@code ./mvnw test -Pbenchmark -Dtest=FaultScreens}.
 */
@Tag("benchmark")
class FaultScreens {

    @Test
    void whatAMemberSeesWhenTheDatabaseStopsAndWhenHerNodeDies() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserTestBase.CHROMIUM), "Chromium not installed");
        try (Cluster cluster = Cluster.start("fault-screens", 2, Path.of("target", "fault-screens-db"), Map.of());
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(BrowserTestBase.CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            String room = cluster.generalRoom();

            // The database stops while Nattaya, on node A, sends a message.
            Page nattaya = openRoom(browser, cluster.ports().get(0), "nattaya", room);
            String text = "ส่งระหว่างที่ฐานข้อมูลหยุด ข้อความนี้ต้องไม่หาย";
            cluster.stopDatabase();
            nattaya.locator("#composer textarea").fill(text);
            nattaya.locator("#send").click();
            assertThat(nattaya.locator("#messages .pending")).containsText("กำลังส่ง");
            BrowserTestBase.screenshotNow(nattaya, "fault-database-sending-phone");
            Locator refusal = nattaya.locator("vaadin-notification-card");
            assertThat(refusal).containsText("ฐานข้อมูลไม่ตอบสนอง",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            assertThat(nattaya.locator("#composer textarea")).hasValue(text);
            BrowserTestBase.screenshotNow(nattaya, "fault-database-refused-phone");
            System.out.println("FAULT-SCREEN database-outage: while sending \"" + refusal.first().innerText()
                    .replace('\n', ' ') + "\"; the text stays in the box");

            cluster.startDatabase();
            Thread.sleep(3_000);
            nattaya.locator("#send").click();
            assertThat(nattaya.locator("#messages")).containsText(text,
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(nattaya.locator("#composer textarea")).hasValue("");
            BrowserTestBase.screenshotNow(nattaya, "fault-database-recovered-phone");
            long stored = cluster.db().getCollection("messages").countDocuments(Filters.eq("text", text));
            System.out.println("FAULT-SCREEN database-outage: sent again after recovery, stored " + stored + " time(s)");
            assertThat(stored).isEqualTo(1);

            // Kamonwan is on node B when it is killed.
            Page kamonwan = openRoom(browser, cluster.ports().get(1), "kamonwan", room);
            assertThat(kamonwan.locator("#messages")).containsText(text);
            cluster.kill(1);
            kamonwan.locator("#composer textarea").fill("พิมพ์ไว้ตอนเครื่องแม่ข่ายดับ");
            kamonwan.locator("#send").click();
            Thread.sleep(4_000);
            BrowserTestBase.screenshotNow(kamonwan, "fault-node-killed-phone");
            String indicator = kamonwan.locator("vaadin-connection-indicator").count() > 0
                    ? kamonwan.locator("vaadin-connection-indicator").first().innerText() : "";
            System.out.println("FAULT-SCREEN kill-node: the phone shows \"" + indicator.replace('\n', ' ').strip()
                    + "\"; typed text still in the box: "
                    + kamonwan.locator("#composer textarea").inputValue().equals("พิมพ์ไว้ตอนเครื่องแม่ข่ายดับ"));
        }
    }

    private static Page openRoom(Browser browser, int port, String user, String room) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(1).setLocale("th-TH").setIsMobile(true).setHasTouch(true));
        Page page = context.newPage();
        String base = "http://localhost:" + port;
        page.navigate(base + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill(BrowserTestBase.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(u -> !u.contains("/login"));
        page.navigate(base + "/rooms/" + room);
        page.locator("#composer").waitFor();
        BrowserTestBase.settle(page);
        return page;
    }
}
