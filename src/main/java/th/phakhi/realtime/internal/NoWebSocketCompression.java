package th.phakhi.realtime.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * WebSockets without permessage-deflate (decision 013). Browsers always ask for it and Tomcat 11
 * always grants it, and then each connection holds a zlib deflater and inflater — a few hundred KB
 * of native memory — to save a few hundred bytes per chat update. With a push connection per
 * signed-in screen that is the largest cost per user, so the request's offer is hidden from the
 * upgrade (Vaadin push and STOMP alike); ordinary HTTP responses are unaffected.
 */
@Configuration(proxyBeanMethods = false)
class NoWebSocketCompression {

    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noWebSocketCompressionFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request.getHeader(EXTENSIONS) == null ? request : withoutExtensions(request), response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("noWebSocketCompression");
        return registration;
    }

    private static HttpServletRequest withoutExtensions(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(h -> !EXTENSIONS.equalsIgnoreCase(h)).toList());
            }
        };
    }
}
