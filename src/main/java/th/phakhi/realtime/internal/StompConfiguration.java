package th.phakhi.realtime.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.MessageChannel;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import th.phakhi.realtime.StompAuthorizer;
import th.phakhi.realtime.StompSessions;
import th.phakhi.security.ApiTokenService;

/**
 * The STOMP API at {@code /ws} (docs/api.md). The broker is Spring's in-memory one, per node;
 * cross-node delivery goes through MongoDB (the change stream), never broker to broker.
 * Browsers of other sites cannot connect (same-origin only); every frame is checked by
 * {@link StompAuthInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final ApiTokenService tokens;
    private final ObjectProvider<StompAuthorizer> authorizers;
    private final StompSessions sessions;
    private final ApplicationContext context;

    StompConfiguration(ApiTokenService tokens, ObjectProvider<StompAuthorizer> authorizers, StompSessions sessions,
                       ApplicationContext context) {
        this.context = context;
        this.tokens = tokens;
        this.authorizers = authorizers;
        this.sessions = sessions;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // No allowed-origins setting: Spring accepts same-origin handshakes only, and clients
        // that send no Origin header (servers, apps) — which must then bring an API token.
        registry.addEndpoint("/ws").addInterceptors(new HttpSessionHandshakeInterceptor());
        // Not setPreserveReceiveOrder(true): with it Spring hands frames to another thread before
        // our interceptor runs, and a refused SUBSCRIBE no longer gets its ERROR frame. A client
        // that needs its own messages in a strict order waits for each receipt (docs/api.md).
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(new long[] {20_000, 20_000})
                .setTaskScheduler(heartbeatScheduler());
        // ... and each client receives in the order the server published.
        registry.setPreservePublishOrder(true);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new StompAuthInterceptor(tokens, authorizers), new SecurityContextPropagation(),
                new SubscriptionReceipts(() -> context.getBean("clientOutboundChannel", MessageChannel.class)));
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_MESSAGE_BYTES);
        registration.addDecoratorFactory(handler -> sessions.tracking(handler));
    }

    private static ThreadPoolTaskScheduler heartbeatScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-heartbeat-");
        scheduler.initialize();
        return scheduler;
    }

    /** Vaadin and the STOMP broker both offer task executors; Vaadin looks for this name. */
    @Bean("VaadinTaskExecutor")
    TaskExecutor vaadinTaskExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("vaadin-");
        executor.setVirtualThreads(true);
        return executor;
    }
}
