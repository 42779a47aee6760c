package th.phakhi.realtime.internal;

import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Map;
import java.util.Objects;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import th.phakhi.realtime.StompAuthorizer;
import th.phakhi.security.ApiTokenService;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.SystemRunner;

/**
 * Checks every inbound STOMP frame.
 * <ul>
 *   <li>CONNECT: with {@code Authorization: Bearer <API token>} the token's owner; otherwise the
 *       signed-in browser session of the handshake, which must also send the session's CSRF token
 *       ({@code X-CSRF-TOKEN}) — a page of another site cannot. Anything else is refused.</li>
 *   <li>SUBSCRIBE and SEND: the destination must belong to a module ({@link StompAuthorizer})
 *       and that module must allow the connection's user; unknown destinations are refused.</li>
 * </ul>
 * A refusal throws, and Spring answers with a STOMP ERROR frame.
 */
class StompAuthInterceptor implements ChannelInterceptor {

    static final String CSRF_SESSION_ATTRIBUTE =
            "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

    private final ApiTokenService tokens;
    /** Looked up at use: the modules that own destinations themselves need the broker. */
    private final ObjectProvider<StompAuthorizer> authorizers;
    static final java.time.Duration SEND_ALLOWANCE = java.time.Duration.ofSeconds(30);
    private static final String SEND_ALLOWANCES = "phakhi.stomp.sendAllowances";

    StompAuthInterceptor(ApiTokenService tokens, ObjectProvider<StompAuthorizer> authorizers) {
        this.tokens = tokens;
        this.authorizers = authorizers;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        StompCommand command = accessor.getCommand();
        switch (command) {
            case CONNECT, STOMP -> connect(accessor);
            case SUBSCRIBE -> authorize(accessor, true);
            case SEND -> authorize(accessor, false);
            default -> {
                // UNSUBSCRIBE, DISCONNECT, ACK, NACK, heartbeats: nothing to decide
            }
        }
        return message;
    }

    private void connect(StompHeaderAccessor accessor) {
        String authorization = accessor.getFirstNativeHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            PhakhiUser user = tokens.authenticate(authorization.substring(7).strip())
                    .orElseThrow(() -> new MessageDeliveryException("Invalid or revoked API token"));
            accessor.setUser(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            return;
        }
        Principal principal = accessor.getUser();
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof PhakhiUser)) {
            throw new MessageDeliveryException("Not authenticated: send an API token (Authorization: Bearer ...)");
        }
        Map<String, Object> attributes = accessor.getSessionAttributes();
        Object expected = attributes == null ? null : attributes.get(CSRF_SESSION_ATTRIBUTE);
        String sent = accessor.getFirstNativeHeader("X-CSRF-TOKEN");
        if (!(expected instanceof CsrfToken token) || sent == null || !Objects.equals(token.getToken(), sent)) {
            throw new MessageDeliveryException("Browser connections must send the session's CSRF token (X-CSRF-TOKEN)");
        }
    }

    private void authorize(StompHeaderAccessor accessor, boolean subscribe) {
        String destination = accessor.getDestination();
        if (!(accessor.getUser() instanceof Authentication authentication)
                || !(authentication.getPrincipal() instanceof PhakhiUser user)) {
            throw new MessageDeliveryException("Not authenticated");
        }
        if (destination == null) {
            throw new MessageDeliveryException("No destination");
        }
        if (subscribe && destination.startsWith("/user/queue/")) {
            return; // a user's own queue (errors, acknowledgements) is always theirs
        }
        StompAuthorizer owner = authorizers.orderedStream().filter(a -> a.owns(destination)).findFirst()
                .orElseThrow(() -> new MessageDeliveryException("Unknown destination " + destination));
        Map<String, Long> sendAllowed = subscribe ? null : sendAllowances(accessor);
        if (sendAllowed != null && sendAllowed.getOrDefault(destination, 0L) - System.nanoTime() > 0) {
            return;
        }
        boolean allowed = callAs(user, () -> subscribe ? owner.canSubscribe(destination) : owner.canSend(destination));
        if (!allowed) {
            throw new MessageDeliveryException("Access denied to " + destination);
        }
        if (sendAllowed != null) {
            sendAllowed.put(destination, System.nanoTime() + SEND_ALLOWANCE.toNanos());
        }
    }

    /**
     * A SEND allowed once is allowed again on the same connection for {@link #SEND_ALLOWANCE}
     * without asking the database: this check is the gate's first look, and the service the
     * message goes to checks again on every call (a person removed meanwhile is refused there,
     * with a reply on their error queue). So a burst of messages costs one membership lookup, and
     * a database hiccup does not close every sender's connection.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> sendAllowances(StompHeaderAccessor accessor) {
        Map<String, Object> attributes = accessor.getSessionAttributes();
        return attributes == null ? null : (Map<String, Long>) attributes.computeIfAbsent(SEND_ALLOWANCES,
                k -> new java.util.concurrent.ConcurrentHashMap<String, Long>());
    }

    private static boolean callAs(PhakhiUser user, java.util.function.BooleanSupplier check) {
        boolean[] result = new boolean[1];
        SystemRunner.runAs(user, () -> result[0] = check.getAsBoolean());
        return result[0];
    }
}
