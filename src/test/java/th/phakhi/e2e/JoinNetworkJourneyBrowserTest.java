package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import th.phakhi.support.BrowserTestBase;

/**
 * The heart of the domain, in Thai on a phone: the mayor of a town municipality finds the
 * provincial network and asks to join; the secretary-general approves; the mayor is told, sees
 * the network in the menu and reads its charter.
 */
class JoinNetworkJourneyBrowserTest extends BrowserTestBase {

    private static final String NETWORK = "เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่";

    @Test
    void townMayorAsksToJoinAndTheSecretaryGeneralApproves() {
        try (BrowserContext mayorContext = newContext(Screen.PHONE);
             BrowserContext secretaryContext = newContext(Screen.PHONE)) {
            Page mayor = mayorContext.newPage();
            signIn(mayor, "somsak");
            mayor.navigate(url("/networks"));
            settle(mayor);
            assertThat(mayor.locator("#my-networks")).containsText("ยังไม่ได้เป็นสมาชิก");
            mayor.locator("#network-search input").fill("เชียงใหม่");
            settle(mayor);
            assertThat(mayor.locator("#network-results")).containsText(NETWORK);
            screenshot(mayor, "networks-search-th-phone");
            mayor.locator("#network-results").getByText(NETWORK).click();
            settle(mayor);
            assertThat(mayor.locator("#network-title")).hasText(NETWORK);
            assertThat(mayor.locator("#charter")).containsText("จัดอบรมหรือประชุมวิชาการ");
            screenshot(mayor, "network-visitor-th-phone");

            mayor.locator("#join-network").click();
            mayor.locator("vaadin-dialog-overlay textarea, vaadin-dialog textarea").first()
                    .fill("เทศบาลเมืองแม่เหียะขอร่วมเป็นภาคีเครือข่าย เพื่อแลกเปลี่ยนเรื่องการจัดการน้ำเสีย");
            screenshot(mayor, "network-join-dialog-th-phone");
            mayor.locator("#dialog-submit").click();
            settle(mayor);
            assertThat(mayor.locator("#membership-status")).containsText("ส่งคำขอเข้าร่วมแล้ว");

            Page secretary = secretaryContext.newPage();
            signIn(secretary, "wichai");
            assertThat(secretary.locator("#notification-count")).isVisible();
            secretary.locator("#notification-bell").click();
            settle(secretary);
            assertThat(secretary.locator("#notifications")).containsText("เทศบาลเมืองแม่เหียะ ขอเข้าร่วม");
            secretary.locator("#notifications .notification").first().click();
            settle(secretary);
            secretary.locator("#tab-requests").click();
            settle(secretary);
            assertThat(secretary.locator("#requests")).containsText("เทศบาลเมืองแม่เหียะ");
            assertThat(secretary.locator("#requests")).containsText("การจัดการน้ำเสีย");
            screenshot(secretary, "network-requests-th-phone");
            secretary.locator("#requests .approve-request").first().click();
            settle(secretary);
            secretary.locator("#tab-members").click();
            settle(secretary);
            assertThat(secretary.locator("#members")).containsText("เทศบาลเมืองแม่เหียะ");

            mayor.navigate(url("/notifications"));
            settle(mayor);
            assertThat(mayor.locator("#notifications")).containsText("ได้รับอนุมัติแล้ว");
            mayor.locator("#notifications .notification").first().click();
            settle(mayor);
            assertThat(mayor.locator("#membership-status")).containsText("องค์กรของคุณเป็นสมาชิก");
            assertThat(mayor.locator("#charter")).containsText("วิสัยทัศน์");
            assertThat(mayor.locator("#structure")).containsText("เลขาธิการ");
            screenshot(mayor, "network-member-th-phone");
            mayor.locator("vaadin-drawer-toggle").click();
            assertThat(mayor.locator("#menu-my-networks")).containsText(NETWORK);
            mayor.waitForTimeout(600); // let the drawer finish sliding in before the picture
            screenshot(mayor, "menu-my-networks-th-phone");
        }
    }

    @Test
    void organizationsAndPeopleAreSearchableInThai() {
        try (BrowserContext context = newContext(Screen.PHONE)) {
            Page page = context.newPage();
            signIn(page, "kamonwan");
            page.navigate(url("/organizations"));
            settle(page);
            page.locator("#organization-search input").fill("ขอนแก่น");
            settle(page);
            assertThat(page.locator("#organization-results")).containsText("องค์การบริหารส่วนจังหวัดขอนแก่น");
            assertThat(page.locator("#organization-results")).containsText("เทศบาลนครขอนแก่น");
            screenshot(page, "organizations-search-th-phone");
            page.locator("#organization-results").getByText("เทศบาลนครขอนแก่น").first().click();
            settle(page);
            assertThat(page.locator("#organization")).containsText("พัฒนาเมืองสู่สากล สร้างสังคมแห่งความสุข");
            assertThat(page.locator("#organization")).containsText("111,707");
            screenshot(page, "organization-profile-th-phone");

            page.navigate(url("/people"));
            settle(page);
            page.locator("#people-search input").fill("ขยะ");
            settle(page);
            assertThat(page.locator("#people-results")).containsText("ณัฐยา");
            screenshot(page, "people-search-th-phone");
        }
    }
}
