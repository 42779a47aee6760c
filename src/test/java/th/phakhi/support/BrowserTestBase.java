package th.phakhi.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end tests in Debian's Chromium, driven by Playwright for Java against the app running
 * on a random port (embedded MongoDB in memory, demo data loaded). Screenshots go to
 * {@code target/screenshots}; with {@code -Dphakhi.docs.screenshots=true} also to
 * {@code docs/screenshots}. Skipped only when no Chromium is installed (CI installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestBase {

    public static final Path CHROMIUM = Path.of(System.getProperty("phakhi.chromium", "/usr/bin/chromium"));
    public static final String PASSWORD = "phakhi2569";

    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    public enum Screen {
        PHONE(390, 844), DESKTOP(1366, 900);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }

        public String id() {
            return name().toLowerCase();
        }
    }

    protected BrowserContext newContext(Screen screen) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(screen.width, screen.height)
                .setDeviceScaleFactor(1)
                .setLocale("th-TH")
                .setIsMobile(screen == Screen.PHONE)
                .setHasTouch(screen == Screen.PHONE));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until Vaadin has no request in flight, so the page shows the server's latest state. */
    public static void settle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    protected void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("vaadin-app-layout").waitFor();
        settle(page);
    }

    /** Saves a screenshot after the fonts have loaded and Vaadin has answered. */
    protected static Path screenshot(Page page, String name) {
        settle(page);
        return screenshotNow(page, name);
    }

    /** Saves a screenshot without waiting for Vaadin (for a page whose requests cannot finish, e.g. offline). */
    public static Path screenshotNow(Page page, String name) {
        page.evaluate("() => document.fonts.ready");
        Path out = Path.of("target/screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(out).setFullPage(false));
        if (Boolean.getBoolean("phakhi.docs.screenshots")) {
            try {
                Path docs = Path.of("docs/screenshots", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(out, docs, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
