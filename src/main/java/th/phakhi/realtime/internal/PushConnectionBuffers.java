package th.phakhi.realtime.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Atmosphere (Vaadin's push) gives every WebSocket a 16 KB byte buffer and a 16,384-character
 * buffer (48 KB) for messages the browser sends over it. Vaadin's browser client never does — it
 * sends over XHR — so they start at 512 and grow if ever needed. Set as an init parameter of
 * Vaadin's servlet, which Vaadin's own default does not override (decision 013).
 */
@Configuration(proxyBeanMethods = false)
class PushConnectionBuffers {

    static final String BUFFER_SIZE = "org.atmosphere.websocket.bufferSize";

    @Bean
    static BeanPostProcessor smallPushReadBuffers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof com.vaadin.flow.server.VaadinServlet
                        && !registration.getInitParameters().containsKey(BUFFER_SIZE)) {
                    registration.addInitParameter(BUFFER_SIZE, "512");
                }
                return bean;
            }
        };
    }
}
