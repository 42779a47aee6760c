package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import th.phakhi.support.BrowserTestBase;

/**
 * A new user's first minutes, on a phone and on a desktop: the Thai sign-in page, switching to
 * English and back, signing in, switching language inside the app (remembered for the user at
 * the next sign-in, in a fresh browser), and signing out.
 */
class SignInJourneyBrowserTest extends BrowserTestBase {

    @ParameterizedTest
    @CsvSource({"PHONE, somsak, นายสมศักดิ์ แก้วมณี", "DESKTOP, rattana, นางรัตนา สุขเจริญ"})
    void signInSwitchLanguageAndSignOut(Screen screen, String username, String displayName) {
        String s = screen.id();
        try (BrowserContext context = newContext(screen)) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.waitForURL(u -> u.endsWith("/login"));
            settle(page);
            assertThat(page.locator("vaadin-login-form")).containsText("เข้าสู่ระบบ");
            assertThat(page.locator(".login-tagline")).hasText("ศูนย์กลางเครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่น");
            assertThat((Boolean) page.evaluate("async () => { await document.fonts.ready;"
                    + " return document.fonts.check('16px Sarabun', 'ภาคี'); }"))
                    .as("the app's own Thai font is loaded").isTrue();
            screenshot(page, "login-th-" + s);

            page.locator("#language-switch").click();
            page.waitForLoadState();
            assertThat(page.locator("vaadin-login-form")).containsText("Sign in");
            screenshot(page, "login-en-" + s);
            page.locator("#language-switch").click();
            page.waitForLoadState();
            assertThat(page.locator("vaadin-login-form")).containsText("เข้าสู่ระบบ");

            signIn(page, username);
            assertThat(page.locator("#home h2")).hasText("ยินดีต้อนรับ " + displayName);
            assertThat(page.locator("#home")).containsText("วันนี้");
            int buddhistYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")).getYear() + 543;
            assertThat(page.locator("#home")).containsText(String.valueOf(buddhistYear));
            screenshot(page, "home-th-" + s);

            page.locator("#language-switch").click();
            page.waitForLoadState();
            assertThat(page.locator("#home h2")).hasText("Welcome, " + displayName);
            screenshot(page, "home-en-" + s);

            // A second tab of the same session holds its own push connection.
            List<WebSocket> sockets = new CopyOnWriteArrayList<>();
            Page otherTab = context.newPage();
            otherTab.onWebSocket(sockets::add);
            otherTab.navigate(url("/"));
            settle(otherTab);
            assertThat(sockets).as("the other tab holds a push connection").isNotEmpty();

            signOut(page);
            otherTab.waitForCondition(() -> sockets.stream().allMatch(WebSocket::isClosed),
                    new Page.WaitForConditionOptions().setTimeout(15_000));
            page.navigate(url("/"));
            page.waitForURL(u -> u.endsWith("/login"));
        }

        try (BrowserContext fresh = newContext(screen)) {
            Page page = fresh.newPage();
            signIn(page, username);
            assertThat(page.locator("#home h2")).hasText("Welcome, " + displayName);
            page.locator("#language-switch").click();
            page.waitForLoadState();
            assertThat(page.locator("#home h2")).hasText("ยินดีต้อนรับ " + displayName);
            signOut(page);
        }
    }

    private static void signOut(Page page) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.locator("#logout").click();
        page.waitForURL(u -> u.endsWith("/login"));
        settle(page);
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }
}
