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
            // Both see each other online: wichai at once, nattaya within the board's refresh (2 s).
            assertThat(wichai.locator("#online")).containsText("ออนไลน์ (2)");
            assertThat(nattaya.locator("#online")).containsText("ออนไลน์ (2)");

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

            // A message's actions open from its "…": Nattaya likes Wichai's answer; he sees it live.
            nattaya.locator(".msg:has-text('จะเตรียมเอกสารงบประมาณไปด้วย') .msg-more").click();
            assertThat(nattaya.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("ตอบกลับ"))).isVisible();
            screenshot(nattaya, "chat-message-menu-th-phone");
            nattaya.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("ถูกใจ")).click();
            assertThat(wichai.locator(".msg:has-text('จะเตรียมเอกสารงบประมาณไปด้วย') .reaction")).containsText("1");

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

    @Autowired
    th.phakhi.workinggroup.WorkingGroupService groups;
    @Autowired
    th.phakhi.security.AccountService accounts;
    @Autowired
    th.phakhi.directory.PeopleService people;

    private String wasteRoom() {
        return SystemRunner.call(() -> {
            var network = networks.browse("เชียงใหม่", null).stream()
                    .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                    .findFirst().orElseThrow().id();
            return "wg-" + groups.groupsOf(network).stream()
                    .filter(g -> g.name().equals("คณะทำงานการจัดการขยะและสิ่งแวดล้อม")).findFirst().orElseThrow().id().value();
        });
    }

    /**
     * A poor connection: what is sent while offline shows as "sending", goes out when the
     * connection returns, and is stored once.
     */
    @Test
    void aMessageSentOfflineShowsAsSendingAndArrivesOnce() {
        try (BrowserContext phone = newContext(Screen.PHONE)) {
            Page suda = phone.newPage();
            signIn(suda, "suda");
            suda.navigate(url("/rooms/" + wasteRoom()));
            settle(suda);
            String text = "ส่งตอนสัญญาณหาย " + System.nanoTime();
            phone.setOffline(true);
            suda.locator("#composer textarea").fill(text);
            suda.locator("#send").click();
            assertThat(suda.locator("#messages .pending")).containsText("กำลังส่ง");
            screenshotNow(suda, "chat-offline-sending-th-phone");
            phone.setOffline(false);
            assertThat(suda.locator("#messages .msg:not(.pending)").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(text))).hasCount(1,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
            assertThat(suda.locator("#messages .pending")).hasCount(0);
            suda.reload();
            settle(suda);
            assertThat(suda.locator("#messages .msg").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(text))).hasCount(1);
        }
    }

    /** Removed from the group while the room is open: the screen leaves the room at once. */
    @Test
    void aRemovedMemberIsTakenOutOfTheOpenRoom() {
        try (BrowserContext desktop = newContext(Screen.DESKTOP)) {
            Page anucha = desktop.newPage();
            signIn(anucha, "anucha");
            String room = wasteRoom();
            anucha.navigate(url("/rooms/" + room));
            settle(anucha);
            assertThat(anucha.locator("#room-title")).hasText("คณะทำงานการจัดการขยะและสิ่งแวดล้อม");
            th.phakhi.support.TestUsers.signInAs(accounts, "nattaya");
            var person = people.search("อนุชา", null, 1).getFirst();
            groups.removeMember(new th.phakhi.workinggroup.WorkingGroupId(room.substring(3)), person.id());
            th.phakhi.support.TestUsers.signOut();
            anucha.waitForURL(u -> u.endsWith("/rooms"), new Page.WaitForURLOptions().setTimeout(15_000));
            assertThat(anucha.locator("vaadin-notification-card")).containsText("ไม่มีสิทธิ์เข้าห้องนี้แล้ว");
            anucha.navigate(url("/rooms/" + room));
            settle(anucha);
            assertThat(anucha.locator("body")).containsText("ไม่พบหน้านี้");
        }
    }
}
