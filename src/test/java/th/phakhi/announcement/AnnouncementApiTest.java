package th.phakhi.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.ApiTokenService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.TestUsers;
import th.phakhi.support.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The announcements JSON API with personal API tokens: who may post, read and acknowledge, and
 * what a refused or malformed call gets back — a status and a translated error, never a page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "phakhi.test.context=api")
@ActiveProfiles("test")
class AnnouncementApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    NetworkService networks;

    String chiangMai;
    WebClient web;

    @BeforeEach
    void setUp() {
        web = new WebClient(port);
        SystemRunner.run(() -> chiangMai = networks.browse(null, null).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id().value());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String tokenOf(String username) {
        return TestUsers.apiToken(accounts, tokens, username);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(HttpResponse<String> response) {
        return JSON.readValue(response.body(), List.class);
    }

    @Test
    void theSecretariatPostsAndAMemberReadsAndAcknowledgesOnce() throws Exception {
        String title = "ประชุมใหญ่สามัญประจำปี " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> posted = web.api("POST", "/api/networks/" + chiangMai + "/announcements",
                tokenOf("kamonwan"), JSON.writeValueAsString(Map.of("title", title, "body", "ขอเชิญ **ทุกท่าน**",
                        "category", "MEETING", "acknowledgementRequired", true)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        Map<String, Object> created = object(posted);
        assertThat(created).containsEntry("title", title).containsEntry("published", true)
                .containsEntry("category", "MEETING");
        assertThat((String) created.get("html")).contains("<strong>ทุกท่าน</strong>");
        String id = (String) created.get("id");

        String anucha = tokenOf("anucha");
        assertThat(list(web.api("GET", "/api/networks/" + chiangMai + "/announcements", anucha, null)))
                .extracting(a -> a.get("title")).contains(title);
        assertThat(list(web.api("GET", "/api/announcements/awaiting-acknowledgement", anucha, null)))
                .extracting(a -> a.get("id")).contains(id);
        HttpResponse<String> ack = web.api("POST", "/api/announcements/" + id + "/acknowledgement", anucha, null);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(object(ack)).containsEntry("acknowledgedByMyOrganization", true);
        assertThat(web.api("POST", "/api/announcements/" + id + "/acknowledgement", anucha, null).statusCode())
                .as("a second press changes nothing").isEqualTo(200);
        assertThat(list(web.api("GET", "/api/announcements/awaiting-acknowledgement", anucha, null)))
                .extracting(a -> a.get("id")).doesNotContain(id);
    }

    @Test
    void withoutATokenOrWithTheWrongRightsTheApiRefusesClearly() throws Exception {
        HttpResponse<String> anonymous = web.api("GET", "/api/networks/" + chiangMai + "/announcements", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(object(anonymous)).containsEntry("code", "error.unauthenticated");
        assertThat(web.api("GET", "/api/networks/" + chiangMai + "/announcements", "phk_not-a-token", null)
                .statusCode()).isEqualTo(401);

        // A member who is not in the secretariat cannot post; someone of another network cannot read.
        HttpResponse<String> member = web.api("POST", "/api/networks/" + chiangMai + "/announcements",
                tokenOf("anucha"), "{\"title\":\"ไม่ใช่เลขา\",\"body\":\"x\"}");
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(object(member)).containsEntry("code", "error.accessDenied").containsKey("messageEn");
        assertThat(web.api("GET", "/api/networks/" + chiangMai + "/announcements", tokenOf("rattana"), null)
                .statusCode()).isEqualTo(403);

        // A signed-in browser session is not an API credential (no cookies, so no cross-site requests).
        web.signIn("kamonwan", "phakhi2569");
        assertThat(web.sessionId()).isPresent();
        assertThat(web.api("GET", "/api/networks/" + chiangMai + "/announcements", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void badInputGetsATranslatedErrorAndNothingIsPosted() throws Exception {
        String kamonwan = tokenOf("kamonwan");
        HttpResponse<String> malformed = web.api("POST", "/api/networks/" + chiangMai + "/announcements", kamonwan,
                "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(object(malformed)).containsEntry("code", "error.badRequest");
        HttpResponse<String> tooLong = web.api("POST", "/api/networks/" + chiangMai + "/announcements", kamonwan,
                JSON.writeValueAsString(Map.of("title", "ก".repeat(201), "body", "x")));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat((String) object(tooLong).get("message")).isNotBlank();
        assertThat(web.api("POST", "/api/announcements/ffffffffffffffffffffffff/acknowledgement", kamonwan, null)
                .statusCode()).isIn(403, 404);
    }
}
