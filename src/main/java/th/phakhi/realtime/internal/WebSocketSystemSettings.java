package th.phakhi.realtime.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every signed-in screen holds a WebSocket for server push, so what Tomcat keeps per WebSocket is
 * kept thousands of times (decision 013). This one is a JVM-wide system property read once when
 * Tomcat's WebSocket classes load, so it is set here, before the web server starts (registered
 * in {@code META-INF/spring.factories}); an operator's own {@code -D} setting wins.
 */
public class WebSocketSystemSettings implements EnvironmentPostProcessor {

    static final String BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Frame buffers of 1 KB instead of 8 KB: longer messages go out in several writes.
        setIfAbsent(BUFFER_SIZE, "1024");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
