package th.phakhi.support;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A STOMP client as an integration would use it, collecting what arrives for assertions. */
public final class StompTestClient implements AutoCloseable {

    public final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    public final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    private final WebSocketStompClient client;
    private StompSession session;

    /** One scheduler for every test client: it times out receipts the server never sends. */
    private static final org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler RECEIPT_TIMER = receiptTimer();

    private static org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler receiptTimer() {
        var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("stomp-receipts-");
        scheduler.initialize();
        return scheduler;
    }

    /**
     * One client container for all test clients, reading messages of up to 64 KB: the app sets
     * Tomcat's JVM-wide default buffer to 1 KB (decision 013), which in a test JVM would also
     * become the client's message limit.
     */
    private static final jakarta.websocket.WebSocketContainer CONTAINER = container();

    private static jakarta.websocket.WebSocketContainer container() {
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(64 * 1024);
        container.setDefaultMaxBinaryMessageBufferSize(64 * 1024);
        return container;
    }

    public StompTestClient() {
        client = new WebSocketStompClient(new StandardWebSocketClient(CONTAINER));
        client.setMessageConverter(new JacksonJsonMessageConverter());
        client.setTaskScheduler(RECEIPT_TIMER);
        // The scheduler would also turn on heart-beats; the tests keep the connections as before.
        client.setDefaultHeartbeat(new long[] {0, 0});
    }

    /** Connects with an API token (null: without); throws when the server refuses. */
    public StompTestClient connect(int port, String token, WebSocketHttpHeaders handshake) throws Exception {
        StompHeaders headers = new StompHeaders();
        if (token != null) {
            headers.add("Authorization", "Bearer " + token);
        }
        session = client.connectAsync("ws://localhost:" + port + "/ws", handshake == null ? new WebSocketHttpHeaders()
                : handshake, headers, new StompSessionHandlerAdapter() {
            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders h, byte[] payload,
                                        Throwable exception) {
                errors.add(String.valueOf(exception));
            }

            @Override
            public void handleFrame(StompHeaders h, Object payload) {
                errors.add("ERROR " + h.getFirst("message"));
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                errors.add("transport " + exception);
                closed.complete(exception);
            }
        }).get(15, TimeUnit.SECONDS);
        return this;
    }

    /**
     * Everything reported so far, once a report containing {@code text} has arrived (or 10 s
     * passed): the close of the connection may be seen before the ERROR frame that caused it.
     */
    public String errorsOnceContaining(String text) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.toString().contains(text) && System.nanoTime() < deadline) {
            String next = errors.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                seen.append(next).append(' ');
            }
        }
        return seen.toString();
    }

    public StompSession.Subscription subscribe(String destination) {
        return subscribe(destination, events);
    }

    public StompSession.Subscription subscribe(String destination, BlockingQueue<Map<String, Object>> into) {
        return subscribe(destination, (java.util.function.Consumer<Map<String, Object>>) into::add);
    }

    public StompSession.Subscription subscribe(String destination, java.util.function.Consumer<Map<String, Object>> into) {
        return session.subscribe(destination, jsonFrames(into));
    }

    /** Hands each frame's JSON body, as a map, to {@code into}. */
    private static StompFrameHandler jsonFrames(java.util.function.Consumer<Map<String, Object>> into) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return Map.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                into.accept((Map<String, Object>) payload);
            }
        };
    }

    /**
     * Subscribes asking for a RECEIPT; the future completes once the server confirms the
     * subscription is active (then a catch-up cannot miss what arrives live).
     */
    public CompletableFuture<Void> subscribeConfirmed(String destination,
                                                      java.util.function.Consumer<Map<String, Object>> into) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt(java.util.UUID.randomUUID().toString());
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(headers, jsonFrames(into));
        subscription.addReceiptTask(() -> confirmed.complete(null));
        return confirmed;
    }

    public void send(String destination, Object payload) {
        session.send(destination, payload);
    }

    public boolean connected() {
        return session != null && session.isConnected();
    }

    /** The next event of a type, within a time limit, or null. */
    public Map<String, Object> next(String type, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> event = events.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (event != null && (type == null || type.equals(event.get("type")))) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }
}
