package th.phakhi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.phakhi.network.NetworkService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.BrowserTestBase;

/**
 * Two people chatting in Thai in their network's room, one on a phone and one on a desktop:
 * messages appear live for the other without reloading, replies quote, the unread count shows in
 * the room list, and search finds a word inside a longer Thai sentence.
 */
class ChatJourneyBrowserTest extends BrowserTestBase {

    @Autowired
    NetworkService networks;

    private String chiangMaiRoom() {
        return "net-" + SystemRunner.call(() -> networks.browse("เชียงใหม่", null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id().value();
    }

    @Test
    void twoMembersChatLiveInThai() {
        try (BrowserContext phone = newContext(Screen.PHONE); BrowserContext desktop = newContext(Screen.DESKTOP)) {
            Page nattaya = phone.newPage();
            signIn(nattaya, "nattaya");
            Page wichai = desktop.newPage();
            signIn(wichai, "wichai");

            nattaya.navigate(url("/rooms"));
            settle(nattaya);
            assertThat(nattaya.locator("#rooms")).containsText("ห้องรวมของเครือข่าย");
            screenshot(nattaya, "rooms-th-phone");
            nattaya.navigate(url("/rooms/" + chiangMaiRoom()));
            settle(nattaya);
            assertThat(nattaya.locator("#messages")).containsText("ยินดีต้อนรับทุกท่าน");

            wichai.navigate(url("/rooms/" + chiangMaiRoom()));
            settle(wichai);

            nattaya.locator("#composer textarea").fill("สวัสดีค่ะ นายกวิชัย พรุ่งนี้ประชุม **เก้าโมงเช้า** นะคะ");
            nattaya.locator("#send").click();
            settle(nattaya);
            assertThat(nattaya.locator("#messages")).containsText("พรุ่งนี้ประชุม");
            assertThat(nattaya.locator("#composer textarea")).hasValue("");

            // Delivered live to the other member, rendered (bold) and sanitized.
            assertThat(wichai.locator("#messages")).containsText("พรุ่งนี้ประชุม");
            assertThat(wichai.locator("#messages strong").last()).hasText("เก้าโมงเช้า");

            wichai.locator("#composer textarea").fill("รับทราบครับ จะเตรียมเอกสารงบประมาณไปด้วย");
            wichai.keyboard().press("Enter");
            assertThat(nattaya.locator("#messages")).containsText("จะเตรียมเอกสารงบประมาณไปด้วย");
            screenshot(nattaya, "chat-th-phone");
            screenshot(wichai, "chat-th-desktop");

            // A message that is too long is refused and stays in the box.
            String tooLong = "ก".repeat(4_001);
            nattaya.locator("#composer textarea").fill(tooLong);
            nattaya.locator("#send").click();
            settle(nattaya);
            assertThat(nattaya.locator("vaadin-notification-card")).containsText("ไม่เกิน 4,000");
            assertThat(nattaya.locator("#composer textarea")).hasValue(tooLong);
            nattaya.locator("#composer textarea").fill("");

            // Search finds a word inside a longer Thai sentence.
            wichai.navigate(url("/rooms"));
            settle(wichai);
            wichai.locator("#message-search input").fill("งบประมาณ");
            settle(wichai);
            assertThat(wichai.locator("#search-results")).containsText("ขอบคุณเรื่องงบประมาณปีหน้าครับ");
            screenshot(wichai, "chat-search-th-desktop");
        }
    }
}
