package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.support.BrowserTestBase;
import th.phakhi.support.MovableClock;
import th.phakhi.support.TestUsers;
import th.phakhi.training.EventType;
import th.phakhi.training.Occurrence;
import th.phakhi.training.OccurrenceId;
import th.phakhi.training.RegistrationService;
import th.phakhi.training.Repeat;
import th.phakhi.training.SeriesForm;
import th.phakhi.training.TrainingService;

/**
 * The day of a training, on phones: the secretariat shows the check-in code; a mayor checks
 * himself in with it, writes his After Action Review and downloads his certificate; the
 * secretariat ticks a second attendee on the roster and reads the review; the mayor's learning
 * record lists the training and his calendar address serves it; the attendance page counts both.
 * The server's clock is moved to the event's time.
 */
@Import(MovableClock.Config.class)
class TrainingDayBrowserTest extends BrowserTestBase {

    @Autowired
    TrainingService trainings;
    @Autowired
    RegistrationService registrations;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
        TestUsers.signOut();
    }

    @Test
    void checkInReviewCertificateAndAttendance() throws Exception {
        NetworkId chiangMai = SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id();
        String topic = "อบรมการเขียนโครงการขอรับงบประมาณ";
        LocalDate day = LocalDate.now(DateFormats.THAILAND).plusDays(3);
        TestUsers.signInAs(accounts, "kamonwan");
        var series = trainings.schedule(chiangMai, new SeriesForm(EventType.TRAINING, topic, "ฝึกเขียนโครงการจริง",
                List.of("อาจารย์จากมหาวิทยาลัยเชียงใหม่"), "ห้องประชุม อบจ.เชียงใหม่", null, null, null, 25, day,
                LocalTime.of(9, 0), LocalTime.of(12, 0), Repeat.NONE, 1, 0, 24, List.of()));
        Occurrence occurrence = trainings.occurrences(series).getFirst();
        OccurrenceId id = occurrence.id();
        for (String user : List.of("anucha", "nattaya")) {
            TestUsers.signInAs(accounts, user);
            registrations.register(id, null);
        }
        TestUsers.signOut();
        clock.setTo(occurrence.start().plus(Duration.ofMinutes(5)));

        try (BrowserContext secretariatPhone = newContext(Screen.PHONE);
             BrowserContext mayorPhone = newContext(Screen.PHONE);
             BrowserContext desktop = newContext(Screen.DESKTOP)) {
            Page kamonwan = secretariatPhone.newPage();
            signIn(kamonwan, "kamonwan");
            kamonwan.navigate(url("/trainings/" + id.value()));
            settle(kamonwan);
            kamonwan.locator("#show-code").click();
            settle(kamonwan);
            String code = kamonwan.locator("#check-in-code").textContent().strip();
            org.assertj.core.api.Assertions.assertThat(code).matches("\\d{6}");
            screenshot(kamonwan, "training-check-in-code-th-phone");
            kamonwan.keyboard().press("Escape");

            Page anucha = mayorPhone.newPage();
            signIn(anucha, "anucha");
            anucha.navigate(url("/trainings/" + id.value()));
            settle(anucha);
            anucha.locator("#self-check-in-code input").fill("000000");
            anucha.locator("#self-check-in").click();
            settle(anucha);
            assertThat(anucha.locator("vaadin-notification-card").last()).containsText("รหัสไม่ถูกต้อง");
            assertThat(anucha.locator("#self-check-in-code input")).hasValue("000000");
            anucha.locator("#self-check-in-code input").fill(code);
            anucha.locator("#self-check-in").click();
            settle(anucha);
            assertThat(anucha.locator("#my-status")).hasText("เข้าร่วมแล้ว");

            anucha.locator("#review-expected textarea").fill("อยากเขียนโครงการให้ผ่านการพิจารณา");
            anucha.locator("#review-happened textarea").fill("ได้ฝึกเขียนโครงการจริงทีละขั้น");
            anucha.locator("#review-better textarea").fill("วิทยากรตรวจให้ทุกกลุ่ม");
            anucha.locator("#review-suggestions textarea").fill("ขอตัวอย่างโครงการที่ผ่านแล้ว");
            anucha.locator("#review-save").click();
            settle(anucha);
            assertThat(anucha.locator("vaadin-notification-card").last()).containsText("บันทึกแบบทบทวนแล้ว");
            anucha.locator("#review").scrollIntoViewIfNeeded();
            screenshot(anucha, "training-review-th-phone");
            Download download = anucha.waitForDownload(() -> anucha.locator("#certificate").click());
            byte[] pdf = Files.readAllBytes(download.path());
            org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");

            // The certificate is his alone: not for someone who did not attend, nor without signing in.
            org.assertj.core.api.Assertions.assertThat(kamonwan.request()
                    .get(url("/trainings/" + id.value() + "/certificate.pdf")).status()).isEqualTo(404);
            var anonymous = playwright.request().newContext(new com.microsoft.playwright.APIRequest.NewContextOptions()
                    .setMaxRedirects(0));
            APIResponse refused = anonymous.get(url("/trainings/" + id.value() + "/certificate.pdf"));
            org.assertj.core.api.Assertions.assertThat(refused.status()).isNotEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(refused.headers().getOrDefault("content-type", ""))
                    .doesNotContain("pdf");
            anonymous.dispose();

            // The secretariat's roster shows him present; she ticks the other attendee by hand.
            assertThat(kamonwan.locator("#roster-heading")).containsText("มาแล้ว 1 คน");
            String nattaya = SystemRunner.call(() -> registrations.roster(id)).stream()
                    .filter(e -> e.personName().contains("ณัฐยา")).findFirst().orElseThrow().personId().value();
            kamonwan.locator("#attend-" + nattaya + " input").check();
            settle(kamonwan);
            assertThat(kamonwan.locator("#roster-heading")).containsText("มาแล้ว 2 คน");
            assertThat(kamonwan.locator("#reviews")).containsText("วิทยากรตรวจให้ทุกกลุ่ม");
            kamonwan.locator("#roster").scrollIntoViewIfNeeded();
            screenshot(kamonwan, "training-roster-th-phone");

            anucha.locator("#user-menu vaadin-menu-bar-button").first().click();
            anucha.locator("#my-learning-menu").click();
            settle(anucha);
            assertThat(anucha.locator("#learning-record")).containsText(topic);
            // His own status on the card (a regression: the record once showed "registration closed").
            assertThat(anucha.locator("#learning-record .occurrence-card").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(topic))).containsText("เข้าร่วมแล้ว");
            assertThat(anucha.locator("#learning-record")).containsText("พ.ศ. " + (day.getYear() + 543));
            anucha.locator("#make-calendar-address").click();
            settle(anucha);
            String feed = anucha.locator("#calendar-url input").inputValue();
            screenshot(anucha, "my-learning-th-phone");
            APIResponse ics = anucha.request().get(feed.replace("http://localhost:8080", url("")));
            org.assertj.core.api.Assertions.assertThat(ics.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(ics.headers().get("content-type")).startsWith("text/calendar");
            org.assertj.core.api.Assertions.assertThat(ics.text()).contains("BEGIN:VCALENDAR").contains("UID:" + id.value());

            Page office = desktop.newPage();
            signIn(office, "kamonwan");
            office.navigate(url("/networks/" + chiangMai.value() + "/trainings/attendance"));
            settle(office);
            assertThat(office.locator("#attendance-events")).containsText(topic);
            assertThat(office.locator("#attendance-events")).containsText("2/2");
            screenshot(office, "training-attendance-th-desktop");
        }
    }
}
