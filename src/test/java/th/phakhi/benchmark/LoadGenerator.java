package th.phakhi.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.phakhi.support.ChatMember;
import th.phakhi.support.ChatTally;
import th.phakhi.support.Cluster;
import th.phakhi.support.Jvm;
import th.phakhi.support.VaadinScreen;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator: starts one or two app nodes on one database (loopback only), signs in
 * {@code load.members} members over the STOMP API with the general room open, and drives them for
 * {@code load.seconds}: most idle, {@code load.chatters} of them sending a message every
 * {@code load.chatEverySeconds} (randomly spread), the secretariat posting an announcement that asks
 * for acknowledgement every {@code load.announceEverySeconds} (30; 0: never) and {@code load.ackers}
 * (20) members each looking at what awaits them and acknowledging over the JSON API. Every member
 * counts what it receives, so the report has per-operation latency (join = connect + subscribe +
 * catch-up, send → receipt, announce, awaiting, acknowledge),
 * delivery latency (send → every member), errors, lost and duplicated messages (checked against
 * the database), and the nodes' CPU, threads and heap after GC. Printed as a table and written to
 * {@code target/load-report.json}. Bounded: at most 20,000 members, 20,000 screens and 30 minutes.
 *
 * <p>With {@code load.screens} it also opens that many web screens ({@link VaadinScreen}: form
 * login, the chat room view over Vaadin's protocol, push, heartbeats) after the members, spread
 * over the nodes; {@code load.screenChatters} of them type and send a message every
 * {@code load.chatEverySeconds}. Every screen checks what the server pushes to it, so the report
 * has delivery to every screen (latency, missing, duplicated renders) and heap per screen.
 * <pre>./mvnw test -Pbenchmark -Dtest=LoadGenerator -Dload.members=2000 -Dload.seconds=120 [-Dload.nodes=2]
 *   [-Dload.chatters=40 -Dload.chatEverySeconds=10 -Dload.heap=2g -Dload.heapEverySeconds=60
 *    -Dload.screens=200 -Dload.screenChatters=10 -Dphakhi.app.jar=target/phakhi-….jar]</pre>
 * With {@code load.heapEverySeconds} it is also a soak test: heap after GC and threads at intervals.
 */
@Tag("benchmark")
class LoadGenerator {

    static final int MAX_MEMBERS = 20_000;
    static final int MAX_SECONDS = 1_800;
    static final List<String> USERS = List.of("prasert", "kamonwan", "wichai", "nattaya", "suda", "anucha");
    static final String PASSWORD = "phakhi2569";

    @Test
    void run() throws Exception {
        int members = bounded("load.members", 500, MAX_MEMBERS);
        int seconds = bounded("load.seconds", 60, MAX_SECONDS);
        int nodes = bounded("load.nodes", 1, 2);
        int chatters = Math.min(members, Integer.getInteger("load.chatters", Math.max(1, members / 50)));
        int chatEvery = bounded("load.chatEverySeconds", 10, 3_600);
        int screenCount = boundedOrZero("load.screens", 0, MAX_MEMBERS);
        int screenChatters = Math.min(screenCount, boundedOrZero("load.screenChatters", 0, MAX_MEMBERS));
        String heap = System.getProperty("load.heap", "2g");
        requireLoopback("127.0.0.1");
        if (screenCount > 0) {
            // Thousands of screens in this JVM: the JDK's HTTP client gives every connection 16 KB read
            // buffers and every WebSocket two 16 KB write buffers, though a screen only ever sends a close
            // frame over it. Smaller: 177 → 120 KB per screen in this JVM (40 screens, class histogram).
            // Must be set before the first HTTP client starts (the read buffer size is read once).
            System.getProperties().putIfAbsent("jdk.httpclient.bufsize", "2048");
            System.getProperties().putIfAbsent("jdk.httpclient.websocket.writeBufferSize", "1024");
            System.getProperties().putIfAbsent("jdk.httpclient.websocket.intermediateBufferSize", "1024");
        }

        // load.sessionTimeout (seconds): a short HTTP session timeout, with load.screensVanish=true
        // screens go away without the unload beacon, and the run checks that expired sessions free their memory.
        int sessionTimeout = Integer.getInteger("load.sessionTimeout", 0);
        boolean vanish = Boolean.getBoolean("load.screensVanish");
        Map<String, String> nodeProperties = new java.util.HashMap<>(Map.of("phakhi.chat.rate.max", "100000"));
        if (sessionTimeout > 0) {
            nodeProperties.put("server.servlet.session.timeout", sessionTimeout + "s");
        }
        // load.nodeJvmOptions: more options for the app processes, space-separated (e.g. GC logging).
        List<String> nodeJvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + heap, "-XX:+UseG1GC"));
        String extraJvm = System.getProperty("load.nodeJvmOptions", "").trim();
        if (!extraJvm.isEmpty()) {
            nodeJvm.addAll(List.of(extraJvm.split("\\s+")));
        }
        try (Cluster cluster = Cluster.start("load", nodes, null, nodeProperties, nodeJvm)) {
            String room = cluster.generalRoom();
            List<String> tokens = USERS.stream().map(cluster::token).toList();
            long startSeq = ChatTally.lastSeq(cluster.db(), room);
            List<Long> pids = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                pids.add(cluster.node(i).pid());
            }
            long idleHeapKb = heapAndThreads(pids)[0];
            Ops ops = new Ops();

            // Sign in: 16 at a time, as a crowd arriving.
            List<ChatMember> crowd = Collections.synchronizedList(new ArrayList<>());
            long joinStart = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                List<Future<?>> joins = new ArrayList<>();
                for (int i = 0; i < members; i++) {
                    int index = i;
                    joins.add(pool.submit(() -> {
                        long t = System.nanoTime();
                        try {
                            crowd.add(new ChatMember(cluster.ports(), index % nodes, tokens.get(index % tokens.size()),
                                    room, startSeq));
                            ops.record("join", System.nanoTime() - t);
                        } catch (Exception e) {
                            ops.error("join", e);
                        }
                    }));
                }
                for (Future<?> f : joins) {
                    f.get();
                }
            }
            double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
            System.out.printf(Locale.ROOT, "%d of %d members joined in %.1f s%n", crowd.size(), members, joinSeconds);
            long joinedHeapKb = heapAndThreads(pids)[0];

            // Web screens: form login, the room's view, push; 16 at a time as well, spread over the nodes.
            Screens screens = new Screens(ops);
            long generatorHeapBefore = screenCount > 0 ? ownHeapAfterGcKb() : 0;
            long screensStart = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().name("screen-join-", 0)
                    .factory())) {
                List<Future<?>> opens = new ArrayList<>();
                for (int i = 0; i < screenCount; i++) {
                    int index = i;
                    opens.add(pool.submit(() -> {
                        VaadinScreen screen = new VaadinScreen(cluster.ports().get(index % nodes), screens);
                        try {
                            screen.signIn(USERS.get(index % USERS.size()), PASSWORD);
                            screen.open(room);
                            screens.open.add(screen);
                        } catch (Exception e) {
                            screen.close(); // reported by the screen under its operation
                        }
                    }));
                }
                for (Future<?> f : opens) {
                    f.get();
                }
            }
            double screensSeconds = (System.nanoTime() - screensStart) / 1e9;
            long screensHeapKb = joinedHeapKb;
            long uisOpen = 0;
            if (screenCount > 0) {
                System.out.printf(Locale.ROOT, "%d of %d screens opened in %.1f s%n", screens.open.size(), screenCount,
                        screensSeconds);
                // Opening screens sets off work that outlasts the last open (presence to every screen):
                // heap is read once the nodes are quiet again, so queued events do not count as per-screen memory.
                settle(pids);
                screensHeapKb = heapAndThreads(pids)[0];
                screens.generatorHeapPerScreenKb = (ownHeapAfterGcKb() - generatorHeapBefore)
                        / (double) Math.max(1, screens.open.size());
                uisOpen = uis(pids);
            }

            // Steady load: chatters send at random moments, everybody listens.
            List<ChatMember> talking = crowd.subList(0, Math.min(chatters, crowd.size()));
            Map<Long, List<double[]>> samples = new ConcurrentHashMap<>();
            double[] cpuBefore = new double[pids.size()];
            for (int i = 0; i < pids.size(); i++) {
                cpuBefore[i] = Jvm.cpuSeconds(pids.get(i));
            }
            long runStart = System.nanoTime();
            long end = runStart + TimeUnit.SECONDS.toNanos(seconds);
            long[] nextSend = new long[talking.size()];
            for (int i = 0; i < nextSend.length; i++) {
                nextSend[i] = runStart + ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toNanos(chatEvery));
            }
            List<VaadinScreen> typing = screens.open.subList(0, Math.min(screenChatters, screens.open.size()));
            long[] nextType = new long[typing.size()];
            for (int i = 0; i < nextType.length; i++) {
                nextType[i] = runStart + ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toNanos(chatEvery));
            }
            // A screen types and sends on a virtual thread of its own (two requests, one after the other).
            ExecutorService screenSends = Executors.newVirtualThreadPerTaskExecutor();
            // The secretariat posts an announcement that asks for acknowledgement every so often;
            // some members then look at what awaits them and acknowledge (JSON API, node by node).
            int announceEvery = Integer.getInteger("load.announceEverySeconds", 30);
            int ackers = Integer.getInteger("load.ackers", 20);
            long nextAnnounce = announceEvery > 0 ? runStart + TimeUnit.SECONDS.toNanos(announceEvery) / 2 : Long.MAX_VALUE;
            ExecutorService api = Executors.newVirtualThreadPerTaskExecutor();
            Api client = new Api(cluster.ports(), cluster.networkId(), cluster.token("kamonwan"), tokens, ops);
            long nextSample = runStart;
            int heapEvery = Integer.getInteger("load.heapEverySeconds", 0);
            long nextHeap = heapEvery > 0 ? runStart + TimeUnit.SECONDS.toNanos(heapEvery) : Long.MAX_VALUE;
            List<Map<String, Object>> soak = new ArrayList<>();
            double[] lastCpu = cpuBefore.clone();
            long lastSampleAt = runStart;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                for (int i = 0; i < nextSend.length; i++) {
                    if (now >= nextSend[i]) {
                        talking.get(i).send();
                        nextSend[i] += TimeUnit.SECONDS.toNanos(chatEvery);
                    }
                }
                for (int i = 0; i < nextType.length; i++) {
                    if (now >= nextType[i]) {
                        VaadinScreen screen = typing.get(i);
                        screenSends.submit(() -> {
                            try {
                                screen.sendBench();
                            } catch (Exception e) {
                                // reported by the screen under its operation
                            }
                        });
                        nextType[i] += TimeUnit.SECONDS.toNanos(chatEvery);
                    }
                }
                if (now >= nextAnnounce) {
                    api.submit(() -> client.announceAndAcknowledge(ackers, members));
                    nextAnnounce += TimeUnit.SECONDS.toNanos(announceEvery);
                }
                if (now >= nextSample) {
                    for (int i = 0; i < pids.size(); i++) {
                        double cpu = Jvm.cpuSeconds(pids.get(i));
                        double cores = (cpu - lastCpu[i]) / Math.max(1e-9, (now - lastSampleAt) / 1e9);
                        samples.computeIfAbsent(pids.get(i), p -> Collections.synchronizedList(new ArrayList<>()))
                                .add(new double[] {cores, Jvm.threads(pids.get(i))});
                        lastCpu[i] = cpu;
                    }
                    lastSampleAt = now;
                    nextSample = now + TimeUnit.SECONDS.toNanos(5);
                }
                if (now >= nextHeap) {
                    // Soak: heap after a full GC and threads per node, at intervals (the GC pauses are part of the run).
                    Map<String, Object> sample = new LinkedHashMap<>();
                    sample.put("second", Math.round((now - runStart) / 1e9));
                    long[] reading = heapAndThreads(pids);
                    long heapKb = reading[0];
                    long threadCount = reading[1];
                    sample.put("heapAfterGcKb", heapKb);
                    sample.put("threads", threadCount);
                    sample.put("deliveredSoFar", crowd.stream().mapToLong(m -> m.seen.size()).sum());
                    String more = "";
                    if (screenCount > 0) {
                        long uiCount = uis(pids);
                        long sessions = instances(pids, "org.apache.catalina.session.StandardSession");
                        sample.put("vaadinUis", uiCount);
                        sample.put("httpSessions", sessions);
                        sample.put("screensOpen", screens.open.size());
                        more = String.format(Locale.ROOT, ", Vaadin UIs %d, HTTP sessions %d (screens open %d)", uiCount,
                                sessions, screens.open.size());
                    }
                    soak.add(sample);
                    System.out.printf(Locale.ROOT, "  soak %5d s: heap after GC %d MB, threads %d%s%n",
                            sample.get("second"), heapKb / 1024, threadCount, more);
                    nextHeap = System.nanoTime() + TimeUnit.SECONDS.toNanos(heapEvery);
                }
                Thread.sleep(10);
            }
            api.shutdown();
            api.awaitTermination(30, TimeUnit.SECONDS);
            screenSends.shutdown();
            screenSends.awaitTermination(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (talking.stream().anyMatch(m -> m.pendingCount() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3_000);
            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            talking.forEach(m -> m.receiptNanos.forEach(n -> ops.record("send", n)));
            ChatTally tally = ChatTally.of(cluster.db(), room, startSeq, crowd);
            screens.awaitDeliveries(cluster.db(), room, startSeq, TimeUnit.SECONDS.toNanos(30));
            Map<String, Object> screenDelivery = screens.tally(cluster.db(), room, startSeq);
            long[] loaded = heapAndThreads(pids);
            long loadedHeapKb = loaded[0];
            long threads = loaded[1];
            double cpuTotal = 0;
            for (int i = 0; i < pids.size(); i++) {
                cpuTotal += Jvm.cpuSeconds(pids.get(i)) - cpuBefore[i];
            }

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("date", Instant.now().toString());
            report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            report.put("database", "embedded MongoDB wire-protocol server (mongo-java-server + H2, in memory), "
                    + "running in the load generator's JVM on the same cores");
            report.put("app", System.getProperty("phakhi.app.jar", "classes (development mode)"));
            report.put("nodes", nodes);
            report.put("heapPerNode", heap);
            report.put("members", members);
            report.put("joined", crowd.size());
            report.put("chatters", talking.size());
            report.put("chatEverySeconds", chatEvery);
            report.put("announceEverySeconds", announceEvery);
            report.put("ackersPerAnnouncement", ackers);
            report.put("seconds", seconds);
            report.put("joinSeconds", joinSeconds);
            report.put("screens", screenCount);
            report.put("screensOpened", screens.open.size());
            report.put("screenChatters", typing.size());
            report.put("screensOpenSeconds", screensSeconds);
            report.put("generatorHeapPerScreenKb", screens.generatorHeapPerScreenKb);
            report.put("operations", ops.figures());
            report.put("delivery", tally.figures());
            if (screenCount > 0) {
                report.put("screenDelivery", screenDelivery);
            }
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("cpuCoresAverage", cpuTotal / runSeconds);
            server.put("cpuCoresMaxSample", samples.values().stream().flatMap(List::stream)
                    .mapToDouble(s -> s[0]).max().orElse(0));
            server.put("threads", threads);
            server.put("heapIdleKb", idleHeapKb);
            server.put("heapJoinedKb", joinedHeapKb);
            server.put("heapAfterRunKb", loadedHeapKb);
            server.put("heapPerMemberKb", crowd.isEmpty() ? 0 : (joinedHeapKb - idleHeapKb) / (double) crowd.size());
            server.put("heapWithScreensKb", screensHeapKb);
            server.put("vaadinUisWithScreens", uisOpen);
            server.put("heapPerScreenKb", screens.open.isEmpty() ? 0
                    : (screensHeapKb - joinedHeapKb) / (double) screens.open.size());
            report.put("server", server);
            report.put("soak", soak);
            // Mattermost's criteria over the steady state's requests (the crowd arriving — joining, signing in,
            // opening the room — is reported apart).
            long requests = Ops.REQUESTS.stream().mapToLong(ops::count).sum();
            long errors = Ops.REQUESTS.stream().mapToLong(ops::errors).sum() + tally.refusals();
            double errorRate = requests == 0 ? 0 : errors / (double) (requests + errors);
            double averageMs = ops.meanOf(Ops.REQUESTS);
            double p99Ms = ops.percentileOf(Ops.REQUESTS, .99);
            boolean criteria = averageMs < 100 && p99Ms < 2_000 && errorRate < 0.00025 && tally.pass()
                    && Boolean.TRUE.equals(screenDelivery.get("pass"));
            report.put("mattermostCriteria", Map.of("requests", requests, "averageMs", averageMs, "p99Ms", p99Ms,
                    "errorRate", errorRate, "met", criteria));
            long arrivals = Ops.ARRIVAL.stream().mapToLong(ops::count).sum();
            long arrivalErrors = Ops.ARRIVAL.stream().mapToLong(ops::errors).sum();
            report.put("arrival", Map.of("requests", arrivals, "errors", arrivalErrors,
                    "averageMs", ops.meanOf(Ops.ARRIVAL), "p99Ms", ops.percentileOf(Ops.ARRIVAL, .99)));

            if (screenCount == 0) {
                System.out.printf(Locale.ROOT, "%nLoad: %d members (%d joined) on %d node(s), %d chatting every %d s, "
                        + "%d s%n", members, crowd.size(), nodes, talking.size(), chatEvery, seconds);
            } else {
                System.out.printf(Locale.ROOT, "%nLoad: %d members (%d joined) and %d screens (%d opened) on %d node(s), "
                                + "%d members and %d screens chatting every %d s, %d s%n", members, crowd.size(),
                        screenCount, screens.open.size(), nodes, talking.size(), typing.size(), chatEvery, seconds);
            }
            System.out.print(ops.table());
            System.out.println("  delivery: " + tally.line());
            tally.diagnostics().forEach(d -> System.out.println("    " + d));
            tally.windowLines().forEach(w -> System.out.println("    " + w));
            if (screenCount > 0) {
                System.out.println("  screens:  " + Screens.line(screenDelivery));
                screens.diagnostics.forEach(d -> System.out.println("    " + d));
            }
            System.out.printf(Locale.ROOT, "  server: CPU %.2f cores average, threads %d, heap after GC idle %d MB, "
                            + "with members %d MB (%.1f KB per member), after the run %d MB%n", cpuTotal / runSeconds,
                    threads, idleHeapKb / 1024, joinedHeapKb / 1024,
                    (joinedHeapKb - idleHeapKb) / (double) Math.max(1, crowd.size()), loadedHeapKb / 1024);
            if (screenCount > 0) {
                System.out.printf(Locale.ROOT, "  screens: heap after GC with screens %d MB (%.1f KB per screen), "
                                + "%d opened in %.1f s (%.1f per second); in the generator %.1f KB per screen%n",
                        screensHeapKb / 1024, (screensHeapKb - joinedHeapKb) / (double) Math.max(1, screens.open.size()),
                        screens.open.size(), screensSeconds, screens.open.size() / Math.max(1e-9, screensSeconds),
                        screens.generatorHeapPerScreenKb);
            }
            System.out.printf(Locale.ROOT, "  Mattermost's criteria over %d requests (average %.1f ms < 100 ms, p99 %.1f ms "
                    + "< 2 s, errors %.4f %% < 0.025 %%, nothing lost): %s%n", requests, averageMs, p99Ms, errorRate * 100,
                    criteria ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "  arrival, apart from the criteria (join, sign-in, open): %d requests, %d errors, "
                    + "average %.1f ms, p99 %.1f ms%n", arrivals, arrivalErrors, ops.meanOf(Ops.ARRIVAL),
                    ops.percentileOf(Ops.ARRIVAL, .99));
            Path out = Path.of("target", "load-report.json");
            Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
            System.out.println("  report: " + out.toAbsolutePath());
            // Everyone leaves: the sessions' memory must come back.
            crowd.forEach(ChatMember::close);
            try (ExecutorService pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
                screens.open.forEach(screen -> pool.submit(vanish ? screen::vanish : screen::close));
            }
            Thread.sleep(5_000);
            long[] left = heapAndThreads(pids);
            long leftHeapKb = left[0];
            long leftThreads = left[1];
            // Closing a thousand connections at once grows the servers' request pools for a moment;
            // Tomcat retires idle request threads after 60 s — read the count again after that.
            Thread.sleep(70_000);
            long settledThreads = heapAndThreads(pids)[1];
            server.put("heapAfterAllLeftKb", leftHeapKb);
            long uisLeft = screenCount > 0 ? uis(pids) : 0;
            server.put("vaadinUisAfterAllLeft", uisLeft);
            report.put("operations", ops.figures());
            server.put("threadsAfterAllLeft", leftThreads);
            server.put("threadsSeventySecondsLater", settledThreads);
            System.out.printf(Locale.ROOT, "  after every member%s left: heap after GC %d MB (idle was %d MB), "
                    + "threads %d, 70 s later %d%n", screenCount > 0 ? " and screen" : "", leftHeapKb / 1024, idleHeapKb / 1024, leftThreads, settledThreads);
            if (screenCount > 0) {
                System.out.printf(Locale.ROOT, "  screens %s: %d requests, %d errors, p99 %.1f ms; Vaadin "
                                + "UIs on the nodes %d with the screens open, %d after%n",
                        vanish ? "vanished (no unload beacon)" : "left (unload beacon)", ops.count(VaadinScreen.LEAVE),
                        ops.errors(VaadinScreen.LEAVE), ops.percentile(VaadinScreen.LEAVE, .99), uisOpen, uisLeft);
            }
            if (sessionTimeout > 0 && screenCount > 0) {
                // Tomcat looks for expired sessions about once a minute.
                Thread.sleep(TimeUnit.SECONDS.toMillis(sessionTimeout + 90L));
                long expiredHeapKb = heapAndThreads(pids)[0];
                long uisExpired = uis(pids);
                server.put("heapAfterSessionsExpiredKb", expiredHeapKb);
                server.put("vaadinUisAfterSessionsExpired", uisExpired);
                System.out.printf(Locale.ROOT, "  screens %s, sessions expired (timeout %d s): heap after GC %d MB (idle was "
                                + "%d MB), Vaadin UIs %d%n", vanish ? "vanished (no beacon)" : "left", sessionTimeout,
                        expiredHeapKb / 1024, idleHeapKb / 1024, uisExpired);
            }
            Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
        }
    }

    /** Waits (at most two minutes) until every node uses under a quarter of a core over two seconds. */
    private static void settle(List<Long> pids) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            double[] before = new double[pids.size()];
            for (int i = 0; i < pids.size(); i++) {
                before[i] = Jvm.cpuSeconds(pids.get(i));
            }
            Thread.sleep(2_000);
            boolean quiet = true;
            for (int i = 0; i < pids.size(); i++) {
                quiet &= (Jvm.cpuSeconds(pids.get(i)) - before[i]) / 2 < 0.25;
            }
            if (quiet) {
                return;
            }
        }
    }

    /** This JVM's heap after a collection, in KB (the screens' client side; the embedded database lives here too). */
    private static long ownHeapAfterGcKb() throws InterruptedException {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best / 1024;
    }

    /** Vaadin UIs alive on the nodes (a class histogram, which collects garbage first). */
    private static long uis(List<Long> pids) throws IOException, InterruptedException {
        return instances(pids, "com.vaadin.flow.component.UI");
    }

    /** Live instances of a class on all nodes (from a class histogram, which runs a full GC first). */
    private static long instances(List<Long> pids, String className) throws IOException, InterruptedException {
        long sum = 0;
        for (long pid : pids) {
            long[] row = Jvm.histogram(pid).get(className);
            sum += row == null ? 0 : row[0];
        }
        return sum;
    }

    /** All nodes together: {heap after a full GC in KB, threads}. */
    private static long[] heapAndThreads(List<Long> pids) throws IOException, InterruptedException {
        long[] sum = new long[2];
        for (long pid : pids) {
            sum[0] += Jvm.heapAfterGc(pid);
            sum[1] += Jvm.threads(pid);
        }
        return sum;
    }

    private static int boundedOrZero(String property, int fallback, int max) {
        int value = Integer.getInteger(property, fallback);
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(property + " must be between 0 and " + max + ", not " + value);
        }
        return value;
    }

    private static int bounded(String property, int fallback, int max) {
        int value = Integer.getInteger(property, fallback);
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(property + " must be between 1 and " + max + ", not " + value);
        }
        return value;
    }

    /** The generator only ever talks to this machine. */
    private static void requireLoopback(String host) throws IOException {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalArgumentException("The load generator runs only against loopback addresses, not " + host);
        }
    }

    /** The secretariat and the members over the JSON API. */
    record Api(List<Integer> ports, String network, String secretariat, List<String> memberTokens, Ops ops) {

        private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
        private static final JsonMapper JSON = JsonMapper.builder().build();

        void announceAndAcknowledge(int ackers, int members) {
            try {
                String title = "ประกาศทดสอบโหลด " + Instant.now();
                var posted = call("announce", ports.getFirst(), "POST", "/api/networks/" + network + "/announcements",
                        secretariat, JSON.writeValueAsString(Map.of("title", title, "body", "กรุณารับทราบ",
                                "acknowledgementRequired", true)));
                if (posted == null) {
                    return;
                }
                String id = String.valueOf(JSON.readValue(posted, Map.class).get("id"));
                try (ExecutorService acks = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < ackers; i++) {
                        int member = ThreadLocalRandom.current().nextInt(members);
                        acks.submit(() -> {
                            Thread.sleep(ThreadLocalRandom.current().nextLong(10_000));
                            int port = ports.get(member % ports.size());
                            String token = memberTokens.get(member % memberTokens.size());
                            String awaiting = call("awaiting", port, "GET", "/api/announcements/awaiting-acknowledgement",
                                    token, null);
                            if (awaiting != null && awaiting.contains(id)) {
                                call("acknowledge", port, "POST", "/api/announcements/" + id + "/acknowledgement",
                                        token, null);
                            }
                            return null;
                        });
                    }
                }
            } catch (Exception e) {
                ops.error("announce", e);
            }
        }

        /** One timed request; the body on 2xx, null (an error counted) otherwise. */
        private String call(String op, int port, String method, String path, String token, String json) {
            long t = System.nanoTime();
            try {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
                var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    ops.error(op, new IllegalStateException(response.statusCode() + " " + response.body()));
                    return null;
                }
                ops.record(op, System.nanoTime() - t);
                return response.body();
            } catch (Exception e) {
                ops.error(op, e);
                return null;
            }
        }
    }

    /**
     * The web screens: their operations go to {@link Ops}, their delivery latencies here; after the
     * run, every bench message stored in the room is looked for on every screen.
     */
    static final class Screens implements VaadinScreen.Listener {
        private static final Pattern STAMP = Pattern.compile(Pattern.quote(ChatMember.PREFIX) + "(\\d+)");
        final List<VaadinScreen> open = Collections.synchronizedList(new ArrayList<>());
        final List<String> diagnostics = new ArrayList<>();
        private final Ops ops;
        double generatorHeapPerScreenKb;
        private long[] latencies = new long[1024];
        private int size;

        Screens(Ops ops) {
            this.ops = ops;
        }

        @Override
        public void timed(String op, long nanos) {
            ops.record(op, nanos);
        }

        @Override
        public void failed(String op, Exception e) {
            ops.error(op, e);
        }

        @Override
        public synchronized void delivered(long nanos) {
            if (size == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = nanos;
        }

        /** The stamps of the bench messages stored after {@code startSeq}, whoever sent them. */
        private static List<Long> stamps(com.mongodb.client.MongoDatabase db, String room, long startSeq) {
            List<Long> stamps = new ArrayList<>();
            for (Document d : db.getCollection("messages").find(com.mongodb.client.model.Filters.and(
                    com.mongodb.client.model.Filters.eq("roomId", room),
                    com.mongodb.client.model.Filters.gt("seq", startSeq)))) {
                Matcher m = STAMP.matcher(String.valueOf(d.getString("text")));
                if (m.matches()) {
                    stamps.add(Long.parseLong(m.group(1)));
                }
            }
            return stamps;
        }

        /** Gives the last messages of the run time to reach every screen (missing: not there by then). */
        void awaitDeliveries(com.mongodb.client.MongoDatabase db, String room, long startSeq, long timeoutNanos)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            List<Long> stamps = stamps(db, room, startSeq);
            while (System.nanoTime() < deadline) {
                boolean all;
                synchronized (open) {
                    all = open.stream().allMatch(screen -> stamps.stream().allMatch(screen::saw));
                }
                if (all) {
                    return;
                }
                Thread.sleep(500);
            }
        }

        /** Deliveries to every screen of every bench message stored after {@code startSeq} (whoever sent it). */
        Map<String, Object> tally(com.mongodb.client.MongoDatabase db, String room, long startSeq) {
            List<Long> stamps = stamps(db, room, startSeq);
            long expected = (long) stamps.size() * open.size();
            long missing = 0;
            long duplicated = 0;
            synchronized (open) {
                for (int i = 0; i < open.size(); i++) {
                    VaadinScreen screen = open.get(i);
                    long gaps = stamps.stream().filter(s -> !screen.saw(s)).count();
                    missing += gaps;
                    duplicated += screen.duplicates();
                    if ((gaps > 0 || screen.duplicates() > 0) && diagnostics.size() < 30) {
                        diagnostics.add(String.format(Locale.ROOT, "screen %d (port %d) missed %d, rendered %d twice",
                                i, screen.port(), gaps, screen.duplicates()));
                    }
                }
            }
            long[] sorted;
            synchronized (this) {
                sorted = java.util.Arrays.copyOf(latencies, size);
            }
            java.util.Arrays.sort(sorted);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("screens", open.size());
            f.put("messages", stamps.size());
            f.put("expectedDeliveries", expected);
            f.put("seenDeliveries", expected - missing);
            f.put("missingDeliveries", missing);
            f.put("duplicatedRenders", duplicated);
            f.put("latencySamples", sorted.length);
            f.put("deliveryP50Ms", millis(sorted, .5));
            f.put("deliveryP95Ms", millis(sorted, .95));
            f.put("deliveryP99Ms", millis(sorted, .99));
            f.put("deliveryMaxMs", millis(sorted, 1));
            f.put("pass", missing == 0 && duplicated == 0);
            return f;
        }

        private static double millis(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }

        static String line(Map<String, Object> f) {
            return String.format(Locale.ROOT, "screens=%d messages=%d delivered=%d of %d missing=%d duplicated=%d "
                            + "delivery p50=%.0fms p95=%.0fms p99=%.0fms max=%.0fms", f.get("screens"), f.get("messages"),
                    f.get("seenDeliveries"), f.get("expectedDeliveries"), f.get("missingDeliveries"),
                    f.get("duplicatedRenders"), f.get("deliveryP50Ms"), f.get("deliveryP95Ms"), f.get("deliveryP99Ms"),
                    f.get("deliveryMaxMs"));
        }
    }

    /** Latencies (nanoseconds) and errors per operation. */
    static final class Ops {
        /** The steady state's requests, which Mattermost's criteria are checked over. */
        static final List<String> REQUESTS = List.of("send", "announce", "awaiting", "acknowledge",
                VaadinScreen.HEARTBEAT, VaadinScreen.TYPE, VaadinScreen.SEND);
        /** The crowd arriving (sign-in, opening the room), reported beside the criteria, not in them. */
        static final List<String> ARRIVAL = List.of("join", VaadinScreen.SIGN_IN, VaadinScreen.OPEN);
        static final List<String> ALL = List.of("join", "send", "announce", "awaiting", "acknowledge",
                VaadinScreen.SIGN_IN, VaadinScreen.OPEN, VaadinScreen.HEARTBEAT, VaadinScreen.TYPE, VaadinScreen.SEND,
                VaadinScreen.PUSH, VaadinScreen.LEAVE);
        static final List<String> SCREENS = List.of(VaadinScreen.SIGN_IN, VaadinScreen.OPEN, VaadinScreen.HEARTBEAT,
                VaadinScreen.TYPE, VaadinScreen.SEND, VaadinScreen.PUSH, VaadinScreen.LEAVE);
        private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        private final Map<String, String> firstError = new ConcurrentHashMap<>();

        void record(String op, long nanos) {
            latencies.computeIfAbsent(op, o -> new ConcurrentLinkedQueue<>()).add(nanos);
        }

        void error(String op, Exception e) {
            errors.computeIfAbsent(op, o -> new AtomicLong()).incrementAndGet();
            firstError.putIfAbsent(op, String.valueOf(e));
        }

        long count(String op) {
            return latencies.getOrDefault(op, new ConcurrentLinkedQueue<>()).size();
        }

        long errors(String op) {
            return errors.getOrDefault(op, new AtomicLong()).get();
        }

        private List<Long> sorted(String op) {
            List<Long> list = new ArrayList<>(latencies.getOrDefault(op, new ConcurrentLinkedQueue<>()));
            Collections.sort(list);
            return list;
        }

        double percentile(String op, double q) {
            List<Long> s = sorted(op);
            return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) (s.size() * q))) / 1e6;
        }

        private List<Long> sortedOf(List<String> ops) {
            List<Long> list = new ArrayList<>();
            ops.forEach(op -> list.addAll(latencies.getOrDefault(op, new ConcurrentLinkedQueue<>())));
            Collections.sort(list);
            return list;
        }

        double meanOf(List<String> ops) {
            return sortedOf(ops).stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        }

        double percentileOf(List<String> ops, double q) {
            List<Long> s = sortedOf(ops);
            return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) (s.size() * q))) / 1e6;
        }

        double mean(String op) {
            return sorted(op).stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        }

        /** The operations to show: a screen's only when there were screens (a run without them reads as before). */
        private List<String> shown() {
            return ALL.stream().filter(op -> !SCREENS.contains(op) || count(op) > 0 || errors(op) > 0).toList();
        }

        Map<String, Object> figures() {
            Map<String, Object> all = new LinkedHashMap<>();
            for (String op : shown()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("count", count(op));
                f.put("errors", errors(op));
                f.put("firstError", firstError.get(op));
                f.put("meanMs", mean(op));
                f.put("p50Ms", percentile(op, .5));
                f.put("p95Ms", percentile(op, .95));
                f.put("p99Ms", percentile(op, .99));
                f.put("maxMs", percentile(op, 1));
                all.put(op, f);
            }
            return all;
        }

        String table() {
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "  %-12s %8s %7s %9s %9s %9s %9s %9s%n",
                    "op", "count", "errors", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms"));
            for (String op : shown()) {
                t.append(String.format(Locale.ROOT, "  %-12s %8d %7d %9.1f %9.1f %9.1f %9.1f %9.1f%n", op, count(op),
                        errors(op), mean(op), percentile(op, .5), percentile(op, .95), percentile(op, .99),
                        percentile(op, 1)));
                if (firstError.containsKey(op)) {
                    t.append("         first error: ").append(firstError.get(op)).append('\n');
                }
            }
            return t.toString();
        }
    }
}
