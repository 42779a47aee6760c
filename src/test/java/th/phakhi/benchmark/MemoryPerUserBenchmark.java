package th.phakhi.benchmark;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.phakhi.support.AppProcess;
import th.phakhi.support.Jvm;
import th.phakhi.support.BrowserTestBase;

/**
 * Server heap per signed-in user with a chat room open, measured with real browser sessions
 * (headless Chromium, one browser context — one HTTP session, one Vaadin UI, one push
 * connection — per user) against a separate app process with a 2 GiB heap. The heap is read with
 * {@code jcmd GC.heap_info} after {@code jcmd GC.run}, the smallest of three readings, first with a
 * few warm-up sessions (class loading and caches are not per user) and then with N more.
 * Prints figures, and the classes that grew most per session.
 * <pre>./mvnw test -Pbenchmark -Dtest=MemoryPerUserBenchmark [-Dbench.users=40 -Dbench.componentTracker=true
 *     -Dbench.jvmOptions="-Dsome.setting=…" -Dbench.heapDump=target/sessions.hprof]
 * ./mvnw -Pproduction package -DskipTests &amp;&amp; ./mvnw test -Pbenchmark -Dtest=MemoryPerUserBenchmark \
 *     -Dphakhi.app.jar=$(ls target/phakhi-*.jar)     # the production build</pre>
 */
@Tag("benchmark")
class MemoryPerUserBenchmark {

    /** Demo members of the Chiang Mai network (they all see its general room). */
    private static final List<String> MEMBERS = List.of("prasert", "kamonwan", "wichai", "nattaya", "anucha", "suda");

    @Test
    void heapPerUserWithTheChatViewOpen() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserTestBase.CHROMIUM), "Chromium needed");
        int users = Integer.getInteger("bench.users", 40);
        int warmUp = 4;
        // Development mode records where every component was created (a stack trace each) for the
        // dev tools: about 1 MB per user. Production mode never does; off here unless asked for.
        boolean tracker = Boolean.getBoolean("bench.componentTracker");
        try (AppProcess node = AppProcess.start("bench-memory", Map.of("phakhi.embedded-mongo.in-memory", "true",
                     "phakhi.demo.enabled", "true", "vaadin.devmode.componentTracker.enabled", String.valueOf(tracker)),
                     jvmOptions())
                     .awaitReady(Duration.ofSeconds(180));
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(BrowserTestBase.CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")))) {
            String base = "http://localhost:" + node.port();
            List<BrowserContext> open = new ArrayList<>();
            String room = null;
            long idle = Jvm.heapAfterGc(node.pid());
            for (int i = 0; i < warmUp; i++) {
                room = openChat(browser, base, MEMBERS.get(i % MEMBERS.size()), room, open);
            }
            long afterWarmUp = Jvm.heapAfterGc(node.pid());
            long residentBefore = Jvm.residentKb(node.pid());
            Map<String, long[]> before = Jvm.histogram(node.pid());
            long started = System.nanoTime();
            for (int i = 0; i < users; i++) {
                room = openChat(browser, base, MEMBERS.get(i % MEMBERS.size()), room, open);
            }
            double openSeconds = (System.nanoTime() - started) / 1e9;
            long loaded = Jvm.heapAfterGc(node.pid());
            long residentAfter = Jvm.residentKb(node.pid());
            String growth = growth(before, Jvm.histogram(node.pid()), users);
            double perUserKb = (loaded - afterWarmUp) / (double) users;
            String report = String.format(Locale.ROOT, """
                    Memory per user (chat room %s open, %s, component tracker %s, embedded database in memory)
                      heap after GC, idle node:                 %,8d KB
                      heap after GC, %3d warm-up sessions:      %,8d KB
                      heap after GC, +%3d sessions:             %,8d KB
                      per signed-in user with the chat open:    %,8.0f KB
                      resident memory (RSS) per user:           %,8.0f KB  (heap and native; steady only with -Xms = -Xmx and -XX:+AlwaysPreTouch)
                      sessions opened in %.1f s (sign-in + room, one after another)
                      2 GiB heap / per-user figure (ceiling before other costs): %,d users
                    """, room, System.getProperty("phakhi.app.jar") != null ? "production jar" : "Vaadin dev mode",
                    tracker ? "on" : "off", idle, warmUp, afterWarmUp, users, loaded, perUserKb, (residentAfter - residentBefore) / (double) users, openSeconds,
                    (long) (2L * 1024 * 1024 / Math.max(1, perUserKb)));
            report += growth;
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "memory-per-user.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            String dump = System.getProperty("bench.heapDump");
            if (dump != null) {
                // For finding what holds the memory (live objects only), with the sessions still open.
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(node.pid()), "GC.heap_dump", Path.of(dump).toAbsolutePath().toString())
                        .inheritIO().start().waitFor();
            }
            for (BrowserContext context : open) {
                context.close();
            }
        }
    }

    /** -Xmx2g with G1, plus {@code bench.jvmOptions} (space-separated) to try a setting. */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC"));
        String extra = System.getProperty("bench.jvmOptions", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** Signs in in a fresh context (a new HTTP session) and opens the room; returns the room's path. */
    private static String openChat(Browser browser, String base, String user, String room, List<BrowserContext> open) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("th-TH"));
        open.add(context);
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill(BrowserTestBase.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(u -> !u.contains("/login"));
        if (room == null) {
            page.navigate(base + "/rooms");
            page.locator("a[href^='rooms/']").first().waitFor();
            room = page.locator("a[href^='rooms/']").first().getAttribute("href");
        }
        page.navigate(base + "/" + room);
        page.locator("#composer").waitFor();
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        return room;
    }

    /** The classes that grew most with the added sessions, per session: where the memory goes. */
    private static String growth(Map<String, long[]> before, Map<String, long[]> after, int users) {
        StringBuilder out = new StringBuilder("  largest growth per session (class: instances, bytes):\n");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(25)
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %-70s %8.0f %10.0f%n", e.getKey(),
                        e.getValue()[0] / (double) users, e.getValue()[1] / (double) users)));
        return out.toString();
    }

}
