package th.phakhi.realtime.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs each inbound STOMP message's handler (e.g. a {@code @MessageMapping} method) as the
 * connection's user, so the services it calls apply their usual {@code @PreAuthorize} rules.
 */
class SecurityContextPropagation implements ExecutorChannelInterceptor {

    private static final ThreadLocal<SecurityContext> PREVIOUS = new ThreadLocal<>();

    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        PREVIOUS.set(SecurityContextHolder.getContext());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (SimpMessageHeaderAccessor.getUser(message.getHeaders()) instanceof Authentication authentication) {
            context.setAuthentication(authentication);
        }
        SecurityContextHolder.setContext(context);
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        SecurityContext previous = PREVIOUS.get();
        PREVIOUS.remove();
        if (previous == null) {
            SecurityContextHolder.clearContext();
        } else {
            SecurityContextHolder.setContext(previous);
        }
    }
}
