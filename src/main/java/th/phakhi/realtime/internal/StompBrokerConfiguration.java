package th.phakhi.realtime.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP set-up ({@code @EnableWebSocketMessageBroker} does exactly this import), with one
 * change: an ERROR frame always reaches the client before the connection closes.
 * <p>
 * Spring sends an ERROR frame and closes the session right away. Sends go through a
 * {@link ConcurrentWebSocketSessionDecorator}: when another thread is writing to the same session
 * at that moment (the CONNECTED frame, a heartbeat, a message), the ERROR frame waits in the
 * decorator's buffer — and the close marks the session closing, so the buffer is dropped. The
 * client then saw "connection closed" without the reason (a flaky {@code StompApiTest} showed it).
 * Here the close after a protocol error first waits, briefly, until every frame is written.
 */
@Configuration
class StompBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

    /** Characters a STOMP connection can receive in one frame (Tomcat's own default before). */
    static final int STOMP_TEXT_CHARS = 8192;

    /** How long a refused connection may wait for its ERROR frame to be written. */
    static final Duration ERROR_FLUSH_LIMIT = Duration.ofSeconds(2);

    @Bean
    @Override
    public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
                                                        AbstractSubscribableChannel clientOutboundChannel) {
        SubProtocolWebSocketHandler handler = new SubProtocolWebSocketHandler(clientInboundChannel, clientOutboundChannel) {
            @Override
            protected WebSocketSession decorateSession(WebSocketSession session) {
                // STOMP frames arrive whole: room for the largest chat message and its headers (connections
                // start with 1,024 — application.properties, tomcat.websocket.textBufferSize).
                session.setTextMessageSizeLimit(STOMP_TEXT_CHARS);
                return new ErrorFlushingSession(session, getSendTimeLimit(), getSendBufferSizeLimit());
            }
        };
        handler.setPhase(getPhase());
        return handler;
    }

    /**
     * Writes what was sent (the ERROR frame) before closing after a protocol error. It counts the
     * frames handed to it and the frames its socket finished writing: Spring's own buffer size
     * drops to zero before the last frame is written, so it cannot tell.
     */
    static final class ErrorFlushingSession extends ConcurrentWebSocketSessionDecorator {

        /** A STOMP heart-beat (an end of line): harmless between frames, and sending it flushes the buffer. */
        private static final TextMessage HEART_BEAT = new TextMessage("\n");

        private final CountingSocket socket;
        private final AtomicLong handed = new AtomicLong();

        ErrorFlushingSession(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit) {
            this(new CountingSocket(delegate), sendTimeLimit, bufferSizeLimit);
        }

        private ErrorFlushingSession(CountingSocket socket, int sendTimeLimit, int bufferSizeLimit) {
            super(socket, sendTimeLimit, bufferSizeLimit);
            this.socket = socket;
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            if (isOpen()) {
                handed.incrementAndGet();
            }
            super.sendMessage(message);
        }

        @Override
        public void close(CloseStatus status) throws IOException {
            if (status.equalsCode(CloseStatus.PROTOCOL_ERROR) && isOpen()) {
                long deadline = System.nanoTime() + ERROR_FLUSH_LIMIT.toNanos();
                while (socket.written.get() < handed.get() && System.nanoTime() < deadline) {
                    if (getBufferSize() > 0 && getTimeSinceSendStarted() == 0) {
                        // The writer may have finished just before our frame was queued and left it there.
                        sendMessage(HEART_BEAT);
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            super.close(status);
        }
    }

    /** The socket, counting the frames it has finished writing (or failed to). */
    private static final class CountingSocket extends WebSocketSessionDecorator {

        final AtomicLong written = new AtomicLong();

        CountingSocket(WebSocketSession delegate) {
            super(delegate);
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            try {
                super.sendMessage(message);
            } finally {
                written.incrementAndGet();
            }
        }
    }
}
