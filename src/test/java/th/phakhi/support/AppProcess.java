package th.phakhi.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Phakhi node as a separate JVM process on this test's classpath — for tests with several app
 * nodes on one database. Output goes to {@code target/<name>.log}.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static AppProcess start(String name, Map<String, String> properties) throws IOException {
        return start(name, properties, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    /** A node with these JVM options (heap size, GC) instead of the small test defaults. */
    public static AppProcess start(String name, Map<String, String> properties, List<String> jvmOptions) throws IOException {
        return start(name, properties, jvmOptions, freePort());
    }

    /** A node on a given port (a restarted node comes back where its clients look for it). */
    public static AppProcess start(String name, Map<String, String> properties, List<String> jvmOptions, int port)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // -Dphakhi.app.jar=target/phakhi-….jar runs a packaged (production) build instead of the classes.
        String jar = System.getProperty("phakhi.app.jar");
        command.addAll(jar != null && !jar.isBlank() ? List.of("-jar", jar)
                : List.of("-cp", System.getProperty("java.class.path"), "th.phakhi.Application"));
        command.addAll(List.of("--server.port=" + port,
                "--vaadin.launch-browser=false", "--logging.level.root=warn",
                "--logging.level.th.phakhi=info"));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppProcess(process, port, log);
    }

    /** Waits until the node answers its health check. */
    public AppProcess awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node exited; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node not ready in " + timeout + "; see " + log + ":\n" + tail());
    }

    /** kill -9: the node stops at once, without closing connections or finishing work. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
