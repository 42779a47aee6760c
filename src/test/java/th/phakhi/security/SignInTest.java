package th.phakhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.support.WebClient;

/** Sign-in over HTTP, as the browser's form does it: success, refusals, throttling, bad input, headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInTest {

    private static final String PASSWORD = "phakhi2569";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private WebClient web;

    @BeforeEach
    void freshClientAndNoRecentFailures() {
        web = new WebClient(port);
        mongo.dropCollection("login_throttle");
    }

    @Test
    void demoUserSignsInAndGetsANewSessionId() throws Exception {
        web.get("/login");
        String before = web.sessionId().orElseThrow();
        String target = web.signIn("somsak", PASSWORD);
        assertThat(target).endsWith("/");
        assertThat(web.sessionId()).isPresent().get().isNotEqualTo(before);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void userNameIsNotCaseSensitive() throws Exception {
        assertThat(web.signIn("  SomSak ", PASSWORD)).endsWith("/");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        assertThat(web.signIn("somsak", "wrong-password")).endsWith("/login?error");
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
        String unknown = web.signIn("nobody-here", "whatever-password");
        String wrong = new WebClient(port).signIn("somsak", "wrong-password");
        assertThat(unknown).isEqualTo(wrong);
    }

    @Test
    void fiveFailuresBlockTheAccountEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            new WebClient(port).signIn("nattaya", "wrong-" + i);
        }
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").regex("^ip:")), "login_throttle");
        assertThat(new WebClient(port).signIn("nattaya", PASSWORD)).endsWith("/login?error");
    }

    @Test
    void fiveFailuresFromOneAddressBlockEveryAccountFromIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            new WebClient(port).signIn("guess-" + i, "wrong");
        }
        assertThat(new WebClient(port).signIn("anucha", PASSWORD)).endsWith("/login?error");
    }

    @Test
    void unknownAccountsAreThrottledLikeRealOnes() throws Exception {
        for (int i = 0; i < 5; i++) {
            new WebClient(port).signIn("ghost", "wrong-" + i);
        }
        long keys = mongo.getCollection("login_throttle").countDocuments(new org.bson.Document("_id", "user:ghost"));
        assertThat(keys).isEqualTo(1);
    }

    @Test
    void operatorLookingUserNameIsJustAWrongName() throws Exception {
        assertThat(web.signIn("{\"$ne\":null}", "x")).endsWith("/login?error");
    }

    @Test
    void tenThousandCharacterPasswordIsRefusedCleanly() throws Exception {
        assertThat(web.signIn("somsak", "x".repeat(10_000))).endsWith("/login?error");
    }

    @Test
    void emptyFieldsAreRefusedCleanly() throws Exception {
        assertThat(web.signIn("", "")).endsWith("/login?error");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = web.get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void loginPageCarriesSecurityHeaders() throws Exception {
        HttpResponse<String> response = web.get("/login");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void healthCheckIsOpenForTheProxy() throws Exception {
        HttpResponse<String> health = web.get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }
}
