package th.phakhi.realtime;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/** The node's open STOMP connections, so that one can be cut when its user loses access. */
@Component
public class StompSessions {

    private static final Logger log = LoggerFactory.getLogger(StompSessions.class);
    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

    /** Wraps the STOMP endpoint's handler so that this registry knows every open connection. */
    public WebSocketHandler tracking(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                sessions.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                sessions.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    public int count() {
        return sessions.size();
    }

    /** Closes a connection (policy violation): the client must reconnect, and is checked again. */
    public void close(String sessionId) {
        WebSocketSession session = sessions.remove(sessionId);
        if (session != null && session.isOpen()) {
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("access revoked"));
            } catch (IOException e) {
                log.debug("Closing STOMP session {} failed: {}", sessionId, e.toString());
            }
        }
    }
}
