package th.phakhi.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import th.phakhi.security.ApiTokenService;
import th.phakhi.security.ui.LoginViewRoute;
import th.phakhi.shared.ApiError;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web and method security. Views are guarded by Vaadin's navigation access control
 * ({@code @PermitAll}, {@code @RolesAllowed}); every public service method carries
 * {@code @PreAuthorize}, which is where access is really decided.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Content Security Policy that Vaadin Flow tolerates: Flow evaluates server-sent JavaScript
     * and components set inline styles, so scripts and styles need 'unsafe-inline'/'unsafe-eval';
     * everything else is limited to this origin, and no site may frame the app.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Vaadin writes its pages in a way that skips headers written on commit, so the headers are
     * written before the request is handled instead.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> EAGER_HEADERS = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    /**
     * The JSON API under {@code /api} (docs/api.md): personal API tokens only, no session, no
     * cookies (so no CSRF); 401 without a valid token. The services decide who may do what.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens,
                                       JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(401);
                    response.setContentType("application/json;charset=UTF-8");
                    response.getWriter().write(json.writeValueAsString(ApiError.of("error.unauthenticated")));
                }))
                .addFilterBefore(new ApiTokenFilter(tokens),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
            throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/icons/**", "/styles/**", "/fonts/**", "/images/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                // STOMP clients authenticate at CONNECT (API token, or this session plus its CSRF token).
                .requestMatchers("/ws", "/ws/**").permitAll()
                // A network's public news and its Atom feed are for everyone (only what was marked public).
                .requestMatchers("/news/*/feed.atom").permitAll()
                // Calendar apps fetch feeds without signing in: the secret in the path is the credential.
                .requestMatchers("/calendar/**").permitAll()
                // Signed-in files (an event's .ics, a roster CSV, a certificate): the services decide who.
                .requestMatchers("/trainings/*/event.ics", "/trainings/*/roster.csv", "/trainings/*/certificate.pdf")
                .authenticated());
        http.headers(headers -> headers.withObjectPostProcessor(EAGER_HEADERS)
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginViewRoute.PATH, "/login"));
        return http.build();
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        // Argon2 for new hashes: bcrypt silently limits passwords to 72 bytes, and we never truncate.
        String defaultId = "argon2";
        return new DelegatingPasswordEncoder(defaultId, Map.of(
                defaultId, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
                                                LoginThrottle throttle, MongoTemplate mongo, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(
                new ThrottlingAuthenticationProvider(passwords, throttle, mongo, clock));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }
}
