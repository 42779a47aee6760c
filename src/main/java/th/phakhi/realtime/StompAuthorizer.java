package th.phakhi.realtime;

/**
 * Provided by a module that offers STOMP destinations: which destinations it owns and whether
 * the signed-in user (the security context is the connection's user) may subscribe or send.
 * Destinations no authorizer owns are refused.
 */
public interface StompAuthorizer {

    boolean owns(String destination);

    boolean canSubscribe(String destination);

    boolean canSend(String destination);
}
