package th.phakhi.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The race behind a lost ERROR frame, replayed step by step: one thread is writing a frame to the
 * socket when a refused SUBSCRIBE queues its ERROR frame and Spring closes the session.
 */
class ErrorFlushingSessionTest {

    /** What reached the socket, in order ("close" for the close). */
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
    /** Own threads: the common pool may have a single thread on a 2-core machine. */
    private final java.util.concurrent.Executor threads = runnable -> Thread.ofPlatform().start(runnable);

    private WebSocketSession socket() throws Exception {
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.isOpen()).thenReturn(true);
        when(socket.getId()).thenReturn("s1");
        doAnswer(call -> {
            String payload = ((WebSocketMessage<?>) call.getArgument(0)).getPayload().toString();
            if (written.isEmpty()) {
                firstWriteMayFinish.await(5, TimeUnit.SECONDS); // a slow write of the first frame
            }
            written.add(payload);
            return null;
        }).when(socket).sendMessage(any());
        doAnswer(call -> written.add("close")).when(socket).close(any());
        return socket;
    }

    private void replay(ConcurrentWebSocketSessionDecorator session) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> send(session, "CONNECTED"), threads);
        while (session.getTimeSinceSendStarted() == 0 && written.isEmpty()) {
            Thread.sleep(1); // until the writer is inside its write
        }
        Thread.sleep(5);
        send(session, "ERROR"); // another thread is writing: this waits in the buffer
        CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
            try {
                session.close(CloseStatus.PROTOCOL_ERROR);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        Thread.sleep(50);
        firstWriteMayFinish.countDown();
        writer.get(5, TimeUnit.SECONDS);
        closer.get(5, TimeUnit.SECONDS);
    }

    private static void send(WebSocketSession session, String text) {
        try {
            session.sendMessage(new TextMessage(text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theErrorFrameIsWrittenBeforeTheConnectionCloses() throws Exception {
        for (int round = 0; round < 20; round++) { // timing varies: replay it a few times
            ErrorFlushingSessionTest fresh = new ErrorFlushingSessionTest();
            fresh.replay(new StompBrokerConfiguration.ErrorFlushingSession(fresh.socket(), 10_000, 512 * 1024));
            assertThat(fresh.written).as("round " + round).containsSubsequence("CONNECTED", "ERROR", "close");
            assertThat(fresh.written).filteredOn("ERROR"::equals).hasSize(1);
        }
    }

    @Test
    void springsPlainDecoratorDropsTheErrorFrameInThisRace() throws Exception {
        // Why the subclass exists: if this starts failing, Spring fixed the race and it can go.
        replay(new ConcurrentWebSocketSessionDecorator(socket(), 10_000, 512 * 1024));
        assertThat(written).containsExactly("close", "CONNECTED");
    }
}
