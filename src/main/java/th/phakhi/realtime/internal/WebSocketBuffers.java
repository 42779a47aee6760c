package th.phakhi.realtime.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * How much Tomcat sets aside to read each WebSocket's incoming messages. Its default (8,192
 * characters and 8,192 bytes, allocated when the connection opens) is kept by every signed-in
 * screen's push connection, although Vaadin's push sends nothing up it (client → server goes over
 * XHR). Connections start small; a STOMP connection asks for {@link #STOMP_TEXT_CHARS} (frames
 * arrive whole: a 4,000-character message and its headers), and Tomcat sizes the buffer to the
 * connection's limit when a message starts. Measured in docs/benchmarks.md (memory per user).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketBuffers {

    static final int INITIAL = 1024;
    static final int STOMP_TEXT_CHARS = 8192;

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(INITIAL);
        container.setMaxBinaryMessageBufferSize(INITIAL);
        return container;
    }
}
