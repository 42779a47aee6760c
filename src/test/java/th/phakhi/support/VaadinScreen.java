package th.phakhi.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat room screen at the protocol level, as the browser's Vaadin (Flow) client drives it:
 * signs in through the form login (its own HTTP session), initialises a UI ({@code v-r=init}),
 * opens the push WebSocket (Atmosphere), navigates to the room ({@code ui-navigate}) so the
 * server builds the same view, sends heartbeats, and "types" in the composer and "clicks" send
 * through Vaadin RPC. It runs no JavaScript, loads no static resources and sends no client-side
 * property syncs beyond the composer's value.
 *
 * <p>Every payload the server sends (UIDL responses and push messages) is scanned for bench
 * messages ({@link ChatMember#PREFIX} + nanoTime of this JVM): the first sight of a stamp is a
 * delivery with its latency; a sight in a later payload is a duplicate render.
 *
 * <p>Built for thousands per JVM: one shared HTTP client (HTTP/1.1, cookies kept per screen),
 * its WebSockets, one scheduler thread for all heartbeats, blocking calls on the caller's
 * (virtual) thread.
 */
public final class VaadinScreen implements AutoCloseable {

    /** Operation names reported to the {@link Listener}. */
    public static final String SIGN_IN = "signIn";
    public static final String OPEN = "open";
    public static final String HEARTBEAT = "heartbeat";
    public static final String TYPE = "type";
    public static final String SEND = "send-screen";
    /** The push connection closing or failing while the screen is open (errors only). */
    public static final String PUSH = "push";
    /** The unload beacon when the screen closes. */
    public static final String LEAVE = "leave";

    /** Where a screen reports its timings, errors, deliveries and (optionally) every payload. */
    public interface Listener {
        void timed(String op, long nanos);

        void failed(String op, Exception e);

        /** A bench message seen for the first time on this screen, {@code nanos} after it was sent. */
        default void delivered(long nanos) {
        }

        /** Every server→client payload, as received ({@code push}: over the WebSocket). */
        default void payload(boolean push, String text) {
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vaadin-screen-heartbeats");
        t.setDaemon(true);
        return t;
    });
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STAMP = Pattern.compile(Pattern.quote(ChatMember.PREFIX) + "(\\d+)");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long HEARTBEAT_SECONDS = 60;

    private final String base;
    private final int port;
    private final Listener listener;
    private final ReentrantLock requests = new ReentrantLock();

    private String cookie = "";
    private int uiId = -1;
    private String csrf;
    private String pushId;
    /** What the server expects as the next request's clientId. */
    private int clientId;
    /** The highest syncId seen in responses and push messages. */
    private volatile int syncId;
    private int composer = -1;
    private int sendButton = -1;
    private volatile WebSocket push;
    private volatile boolean closing;
    private ScheduledFuture<?> heartbeat;
    /** Push text not yet split into whole messages ({@code length|message}). */
    private final StringBuilder pushBuffer = new StringBuilder();
    private final CompletableFuture<Void> pushHandshake = new CompletableFuture<>();

    /** Bench stamps seen (open addressing; 0 = empty). */
    private long[] stamps = new long[16];
    private int stampCount;
    private long duplicates;

    public VaadinScreen(int port, Listener listener) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.listener = listener;
    }

    public int port() {
        return port;
    }

    // ---------------------------------------------------------------- sign-in

    /** The form login: GET /login for a session, POST the form; the session id changes (fixation). */
    public void signIn(String username, String password) throws Exception {
        long t = System.nanoTime();
        try {
            HttpResponse<String> login = HTTP.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
            keepSession(login);
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> posted = HTTP.send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            keepSession(posted);
            String location = posted.headers().firstValue("Location").orElse("");
            if (posted.statusCode() != 302 || location.contains("error") || location.contains("/login")) {
                throw new IllegalStateException("sign-in of " + username + " refused: " + posted.statusCode() + " "
                        + location);
            }
            listener.timed(SIGN_IN, System.nanoTime() - t);
        } catch (Exception e) {
            listener.failed(SIGN_IN, e);
            throw e;
        }
    }

    /** A session without signing in (what a signed-out browser has after loading the login page). */
    public void anonymousSession() throws IOException, InterruptedException {
        keepSession(HTTP.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private void keepSession(HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(set);
            if (m.find()) {
                cookie = "JSESSIONID=" + m.group(1);
            }
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
                .header("Accept-Language", "th-TH,th;q=0.9");
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    // ---------------------------------------------------------------- opening the room

    /**
     * Opens {@code rooms/<room>} as a phone's browser does: init, push, navigate; starts the
     * heartbeats. Fails when the chat screen did not open (no composer: not signed in, no access).
     */
    public void open(String room) throws Exception {
        long t = System.nanoTime();
        try {
            init("rooms/" + room);
            connectPush();
            JsonNode navigated = uidl(OPEN, "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":"
                    + "{\"route\":\"/rooms/" + room + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":"
                    + "{\"idx\":0},\"trigger\":\"\"}}]");
            for (JsonNode change : navigated.path("changes")) {
                if ("put".equals(change.path("type").asString()) && "id".equals(change.path("key").asString())
                        && change.path("feat").asInt() == 3) {
                    switch (change.path("value").asString()) {
                        case "composer" -> composer = change.path("node").asInt();
                        case "send" -> sendButton = change.path("node").asInt();
                        default -> {
                        }
                    }
                }
            }
            if (composer < 0 || sendButton < 0) {
                throw new IllegalStateException("the chat screen did not open (no composer or send button)");
            }
            long offset = ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toMillis(HEARTBEAT_SECONDS));
            heartbeat = HEARTBEATS.scheduleAtFixedRate(this::heartbeat, offset,
                    TimeUnit.SECONDS.toMillis(HEARTBEAT_SECONDS), TimeUnit.MILLISECONDS);
            listener.timed(OPEN, System.nanoTime() - t);
        } catch (Exception e) {
            listener.failed(OPEN, e);
            throw e;
        }
    }

    private void init(String location) throws Exception {
        String query = "/?v-r=init&location=" + URLEncoder.encode(location, StandardCharsets.UTF_8)
                + "&query=&v-sh=844&v-sw=390&v-wh=844&v-ww=390&v-bh=844&v-bw=390&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=-420&v-dstd=0&v-rtzo=-420&v-dston=false&v-tzid=Asia%2FBangkok&v-wn=v-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "&v-td=false&v-pr=1"
                + "&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=portrait-primary&v-soa=0"
                + "&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false";
        HttpResponse<String> response = HTTP.send(request(query).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("init: HTTP " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        JsonNode config = JSON.readTree(response.body()).path("appConfig");
        JsonNode uidl = config.path("uidl");
        uiId = config.path("v-uiId").asInt(-1);
        csrf = uidl.path("Vaadin-Security-Key").asString(null);
        pushId = uidl.path("Vaadin-Push-ID").asString(null);
        syncId = Math.max(syncId, uidl.path("syncId").asInt(0));
        if (uidl.has("clientId")) {
            clientId = uidl.path("clientId").asInt();
        }
        if (uiId < 0 || csrf == null || pushId == null) {
            throw new IllegalStateException("init: no UI id, security key or push id in " + abbreviate(response.body()));
        }
        scan(response.body(), false);
    }

    private void connectPush() throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application/json;%20charset=UTF-8"
                + "&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=" + syncId);
        push = HTTP.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new PushListener()).get(30, TimeUnit.SECONDS);
        // The handshake message (tracking id) says the server has the connection registered.
        pushHandshake.get(30, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------- typing and sending

    /** Types a bench message (prefix + now) and clicks send, as two requests, as the browser does; returns the stamp. */
    public long sendBench() throws Exception {
        long stamp = System.nanoTime();
        say(ChatMember.PREFIX + stamp);
        return stamp;
    }

    /**
     * Types {@code text} in the composer, then clicks send. The two requests go together: a second
     * send on this screen waits, or its click would send the other's text and find the box empty.
     */
    public void say(String text) throws Exception {
        requests.lock();
        try {
            typeAndClick(text);
        } finally {
            requests.unlock();
        }
    }

    private void typeAndClick(String text) throws Exception {
        if (composer < 0) {
            throw new IllegalStateException("not open");
        }
        String value = JSON.writeValueAsString(text);
        uidl(TYPE, "[{\"type\":\"mSync\",\"node\":" + composer + ",\"feature\":1,\"property\":\"value\",\"value\":"
                + value + "},{\"type\":\"event\",\"node\":" + composer + ",\"event\":\"input\",\"data\":{\"1\":1}}]");
        JsonNode sent = uidl(SEND, "[{\"type\":\"event\",\"node\":" + sendButton + ",\"event\":\"click\",\"data\":"
                + "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,"
                + "\"event.clientX\":352,\"event.clientY\":815,\"event.altKey\":false,\"event.button\":0,"
                + "\"event.screenY\":912,\"event.screenX\":362}}]");
        for (JsonNode change : sent.path("changes")) {
            if (change.path("node").asInt() == composer && "value".equals(change.path("key").asString())
                    && change.path("value").asString("x").isEmpty()) {
                return;
            }
        }
        // The server keeps the text in the box when it did not take the message (refusal notice).
        IllegalStateException refused = new IllegalStateException("send: the composer was not cleared: "
                + abbreviate(sent.toString()));
        listener.failed(SEND, refused);
        throw refused;
    }

    // ---------------------------------------------------------------- requests

    /**
     * One UIDL request, one at a time per screen; timed as {@code op}. Returns the response's
     * message; errors (HTTP status, session expired, application error) are reported and thrown.
     */
    private JsonNode uidl(String op, String rpc) throws Exception {
        requests.lock();
        try {
            long t = System.nanoTime();
            String body = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":" + rpc + ",\"syncId\":" + syncId + ",\"clientId\":"
                    + clientId + "}";
            HttpResponse<String> response = HTTP.send(request("/?v-r=uidl&v-uiId=" + uiId)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(op + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
            JsonNode message = message(response.body());
            JsonNode meta = message.path("meta");
            if (meta.has("sessionExpired") || meta.has("appError")) {
                throw new IllegalStateException(op + ": " + meta);
            }
            if (message.has("clientId")) {
                clientId = message.path("clientId").asInt();
            }
            seenSync(message);
            scan(response.body(), false);
            if (!op.equals(OPEN)) {
                listener.timed(op, System.nanoTime() - t);
            }
            return message;
        } catch (Exception e) {
            if (!op.equals(OPEN)) {
                listener.failed(op, e);
            }
            throw e;
        } finally {
            requests.unlock();
        }
    }

    /** The JSON message of a UIDL response (older Flow versions wrap it in {@code for(;;);[…]}). */
    private static JsonNode message(String body) {
        String json = body.startsWith("for(;;);") ? body.substring(8) : body;
        JsonNode node = JSON.readTree(json);
        return node.isArray() ? node.path(0) : node;
    }

    private void seenSync(JsonNode message) {
        int s = message.path("syncId").asInt(-1);
        if (s > syncId) {
            syncId = s;
        }
    }

    /** The browser's heartbeat: keeps the UI alive (the server closes it after three missed ones). */
    private void heartbeat() {
        if (closing) {
            return;
        }
        long t = System.nanoTime();
        HTTP.sendAsync(request("/?v-r=heartbeat&v-uiId=" + uiId).header("Content-Type", "text/plain;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    if (error != null) {
                        listener.failed(HEARTBEAT, error instanceof Exception e ? e : new IllegalStateException(error));
                    } else if (response.statusCode() != 200) {
                        listener.failed(HEARTBEAT, new IllegalStateException("heartbeat: HTTP " + response.statusCode()));
                    } else {
                        listener.timed(HEARTBEAT, System.nanoTime() - t);
                    }
                });
    }

    // ---------------------------------------------------------------- what the server sends

    /** Bench stamps in one payload: each distinct stamp once; a stamp seen in an earlier payload is a duplicate. */
    private void scan(String payload, boolean fromPush) {
        long arrived = System.nanoTime();
        listener.payload(fromPush, payload);
        Matcher m = STAMP.matcher(payload);
        long[] inThis = null;
        int n = 0;
        while (m.find()) {
            long stamp;
            try {
                stamp = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (inThis == null) {
                inThis = new long[4];
            } else if (n == inThis.length) {
                inThis = Arrays.copyOf(inThis, n * 2);
            }
            inThis[n++] = stamp;
        }
        if (n == 0) {
            return;
        }
        Arrays.sort(inThis, 0, n);
        synchronized (this) {
            for (int i = 0; i < n; i++) {
                if (i > 0 && inThis[i] == inThis[i - 1]) {
                    continue;
                }
                if (addStamp(inThis[i])) {
                    listener.delivered(arrived - inThis[i]);
                } else {
                    duplicates++;
                }
            }
        }
    }

    private boolean addStamp(long stamp) {
        if (stamp == 0) {
            return true;
        }
        if ((stampCount + 1) * 2 > stamps.length) {
            long[] old = stamps;
            stamps = new long[old.length * 2];
            stampCount = 0;
            for (long s : old) {
                if (s != 0) {
                    addStamp(s);
                }
            }
        }
        int mask = stamps.length - 1;
        for (int i = Long.hashCode(stamp * 0x9E3779B97F4A7C15L) & mask; ; i = (i + 1) & mask) {
            if (stamps[i] == stamp) {
                return false;
            }
            if (stamps[i] == 0) {
                stamps[i] = stamp;
                stampCount++;
                return true;
            }
        }
    }

    /** Whether this screen has shown the bench message with this stamp. */
    public synchronized boolean saw(long stamp) {
        int mask = stamps.length - 1;
        for (int i = Long.hashCode(stamp * 0x9E3779B97F4A7C15L) & mask; ; i = (i + 1) & mask) {
            if (stamps[i] == stamp) {
                return true;
            }
            if (stamps[i] == 0) {
                return false;
            }
        }
    }

    /** Bench messages that came again in a later payload. */
    public synchronized long duplicates() {
        return duplicates;
    }

    /** Splits the push stream into Atmosphere's {@code length|message} parts (a part may span frames). */
    private final class PushListener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            pushBuffer.append(data);
            if (last) {
                drain();
            }
            socket.request(1);
            return null;
        }

        private void drain() {
            while (true) {
                int bar = pushBuffer.indexOf("|");
                if (bar < 0) {
                    return;
                }
                int length;
                try {
                    length = Integer.parseInt(pushBuffer.substring(0, bar));
                } catch (NumberFormatException e) {
                    listener.failed(PUSH, new IllegalStateException("push: not length|message: "
                            + abbreviate(pushBuffer.toString())));
                    pushBuffer.setLength(0);
                    return;
                }
                if (pushBuffer.length() < bar + 1 + length) {
                    return;
                }
                String part = pushBuffer.substring(bar + 1, bar + 1 + length);
                pushBuffer.delete(0, bar + 1 + length);
                if (part.startsWith("{")) {
                    JsonNode message = JSON.readTree(part);
                    seenSync(message);
                    scan(part, true);
                } else {
                    // Atmosphere's handshake (tracking id|…) or its heartbeat padding.
                    pushHandshake.complete(null);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            if (!closing) {
                listener.failed(PUSH, new IllegalStateException("push closed by the server: " + statusCode + " " + reason));
            }
            pushHandshake.completeExceptionally(new IllegalStateException("push closed " + statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            if (!closing) {
                listener.failed(PUSH, error instanceof Exception e ? e : new IllegalStateException(error));
            }
            pushHandshake.completeExceptionally(error);
        }
    }

    // ---------------------------------------------------------------- leaving

    /** Marks the screen as leaving and stops its heartbeats; false if it was leaving already. */
    private boolean stopHeartbeats() {
        if (closing) {
            return false;
        }
        closing = true;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        return true;
    }

    /**
     * Goes away as a phone that lost its connection or was switched off: heartbeats stop, the push
     * connection is dropped, no unload beacon. The server keeps the UI and session until they expire.
     */
    public void vanish() {
        if (!stopHeartbeats()) {
            return;
        }
        WebSocket socket = push;
        if (socket != null) {
            socket.abort();
        }
    }

    /**
     * Leaves as a closed browser tab does: heartbeats stop, the Flow client's unload beacon (a
     * UIDL request with {@code UNLOAD}) closes the UI on the server — closing the push connection
     * alone leaves the UI in the session until it misses its heartbeats and a later request of the
     * session cleans it up — then the push connection closes. Timed as {@code leave}.
     */
    @Override
    public void close() {
        if (!stopHeartbeats()) {
            return;
        }
        if (uiId >= 0 && csrf != null) {
            requests.lock();
            long t = System.nanoTime();
            try {
                String body = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[],\"syncId\":" + syncId + ",\"clientId\":"
                        + clientId + ",\"UNLOAD\":true}";
                HttpResponse<Void> response = HTTP.send(request("/?v-r=uidl&v-uiId=" + uiId)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("unload: HTTP " + response.statusCode());
                }
                listener.timed(LEAVE, System.nanoTime() - t);
            } catch (Exception e) {
                listener.failed(LEAVE, e);
            } finally {
                requests.unlock();
            }
        }
        WebSocket socket = push;
        if (socket != null) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
