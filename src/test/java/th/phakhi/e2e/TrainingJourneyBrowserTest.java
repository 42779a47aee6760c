package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.support.BrowserTestBase;

/**
 * The Chiang Mai secretariat schedules a monthly training (every first Wednesday) on a desktop,
 * typing the date in the Buddhist Era; the mayor of On Tai registers for the next occurrence on
 * his phone; the secretariat's roster shows him at once. In Thai.
 */
class TrainingJourneyBrowserTest extends BrowserTestBase {

    @Test
    void secretariatSchedulesAMonthlySeriesAndAMayorRegistersFromHisPhone() {
        String topic = "อบรมเชิงปฏิบัติการ: การจัดทำแผนพัฒนาท้องถิ่น";
        LocalDate first = LocalDate.now(DateFormats.THAILAND).plusMonths(1).withDayOfMonth(1)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
        String typed = first.getDayOfMonth() + "/" + first.getMonthValue() + "/" + (first.getYear() + 543);
        try (BrowserContext desktop = newContext(Screen.DESKTOP); BrowserContext phone = newContext(Screen.PHONE)) {
            Page kamonwan = desktop.newPage();
            signIn(kamonwan, "kamonwan");
            kamonwan.navigate(url("/trainings"));
            settle(kamonwan);
            kamonwan.locator("#schedule-training").click();
            kamonwan.waitForURL(u -> u.contains("/trainings/new"));
            settle(kamonwan);
            kamonwan.locator("#training-topic input").fill(topic);
            Locator date = kamonwan.locator("#training-date input");
            date.fill(typed);
            date.press("Enter");
            settle(kamonwan);
            assertThat(date).hasValue(typed);
            kamonwan.locator("#training-repeat").click();
            kamonwan.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("ทุกเดือน วันเดียวกันของสัปดาห์"))
                    .click();
            kamonwan.locator("#training-count input").fill("6");
            kamonwan.locator("#training-count input").press("Tab");
            kamonwan.locator("#training-venue input").fill("ห้องประชุมองค์การบริหารส่วนจังหวัดเชียงใหม่");
            kamonwan.locator("#training-capacity input").fill("30");
            kamonwan.locator("#training-capacity input").press("Tab");
            settle(kamonwan);
            assertThat(kamonwan.locator("#training-preview")).containsText("จัด 6 ครั้ง");
            assertThat(kamonwan.locator("#training-preview")).containsText(String.valueOf(first.getYear() + 543));
            screenshot(kamonwan, "training-schedule-th-desktop");
            kamonwan.locator("#training-save").click();
            kamonwan.waitForURL(u -> u.matches(".*/trainings/[0-9a-f]{24}-.*"));
            settle(kamonwan);
            assertThat(kamonwan.locator("#occurrence-heading")).hasText(topic);
            assertThat(kamonwan.locator("#occurrence")).containsText("ครั้งที่ 1 จาก 6");
            assertThat(kamonwan.locator("#roster-heading")).containsText("ลงทะเบียน 0 คน");

            Page anucha = phone.newPage();
            signIn(anucha, "anucha");
            anucha.navigate(url("/trainings"));
            settle(anucha);
            Locator card = anucha.locator(".occurrence-card").filter(new Locator.FilterOptions().setHasText(topic)).first();
            assertThat(card).containsText("เหลือ 30 ที่");
            screenshot(anucha, "trainings-th-phone");
            card.locator("a.card-title").click();
            settle(anucha);
            assertThat(anucha.locator("#occurrence-heading")).hasText(topic);
            anucha.locator("#register").click();
            settle(anucha);
            assertThat(anucha.locator("#my-status")).hasText("ลงทะเบียนแล้ว");
            assertThat(anucha.locator("#occurrence-seats")).containsText("1 จาก 30 ที่นั่ง");
            screenshot(anucha, "training-registered-th-phone");

            // The secretariat's page updates by itself: the roster shows the mayor under his organization.
            assertThat(kamonwan.locator("#roster")).containsText("นายอนุชา ปัญญาดี");
            assertThat(kamonwan.locator("#roster")).containsText("องค์การบริหารส่วนตำบลออนใต้");
            assertThat(kamonwan.locator("#roster-heading")).containsText("ลงทะเบียน 1 คน");
            kamonwan.locator("#roster").scrollIntoViewIfNeeded();
            screenshot(kamonwan, "training-roster-th-desktop");

            anucha.navigate(url("/trainings?view=month&month=" + first.toString().substring(0, 7)));
            settle(anucha);
            assertThat(anucha.locator("#month-title")).containsText(String.valueOf(first.getYear() + 543));
            assertThat(anucha.locator("#training-month .event-chip").first()).isVisible();
            screenshot(anucha, "trainings-month-th-phone");
        }
    }
}
