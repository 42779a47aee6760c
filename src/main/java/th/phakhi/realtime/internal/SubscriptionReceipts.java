package th.phakhi.realtime.internal;

import java.util.function.Supplier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * STOMP {@code RECEIPT} for a {@code SUBSCRIBE} that asks for one: sent once the subscription is
 * in effect — Spring's simple broker sends none. Frames of one connection are handled in
 * parallel, so a client that catches up on a room must know its live subscription is active
 * before it asks what it missed, or a message stored in between reaches it neither way.
 */
final class SubscriptionReceipts implements ExecutorChannelInterceptor {

    private final Supplier<MessageChannel> outbound;

    SubscriptionReceipts(Supplier<MessageChannel> outbound) {
        this.outbound = outbound;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        StompHeaderAccessor in = StompHeaderAccessor.wrap(message);
        if (ex != null || in.getCommand() != StompCommand.SUBSCRIBE || in.getReceipt() == null
                || !handledBy(in.getDestination(), handler)) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(in.getReceipt());
        receipt.setSessionId(in.getSessionId());
        outbound.get().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** Each destination is registered by one of the channel's handlers; answer after that one. */
    private static boolean handledBy(String destination, MessageHandler handler) {
        if (destination == null) {
            return false;
        }
        if (destination.startsWith("/user/")) {
            return handler instanceof UserDestinationMessageHandler;
        }
        if (destination.startsWith("/app/")) {
            return handler instanceof SimpAnnotationMethodMessageHandler;
        }
        return handler instanceof AbstractBrokerMessageHandler;
    }
}
