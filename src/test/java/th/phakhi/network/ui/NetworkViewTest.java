package th.phakhi.network.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.i18n.Language;
import th.phakhi.support.PhakhiTest;
import th.phakhi.support.TestUsers;

@PhakhiTest
class NetworkViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;
    @Autowired
    NetworkService networks;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String idOf(String name) {
        return SystemRunner.call(() -> networks.browse(null, null)).stream().filter(n -> n.nameTh().equals(name))
                .map(Network::id).findFirst().orElseThrow().value();
    }

    @Test
    void aMemberSeesTheNetworkCharterAndStructure() {
        String id = idOf("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น");
        TestUsers.signInAs(accounts, "rattana");
        UI.getCurrent().setLocale(Language.TH.locale());
        NetworkView view = navigate("networks/" + id, NetworkView.class);
        assertThat($(H2.class, view).first().getText()).isEqualTo("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น");
        assertThat(view.getElement().getTextRecursively()).contains("ร่วมพัฒนาท้องถิ่นขอนแก่นสู่เมืองน่าอยู่")
                .contains("เลขาธิการ").contains("องค์กรของคุณเป็นสมาชิก");
    }

    @Test
    void aMembersOnlyNetworkOpenedByUrlLooksLikeNothingIsThere() {
        String id = idOf("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น");
        TestUsers.signInAs(accounts, "rattana");
        UI.getCurrent().setLocale(Language.TH.locale());
        navigate("networks/" + id, com.vaadin.flow.component.Component.class);
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).contains("ไม่พบหน้านี้").doesNotContain("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น");
    }

    @Test
    void htmlInANetworkNameIsShownAsText() {
        TestUsers.signInAs(accounts, "nattaya");
        var id = networks.create(new th.phakhi.network.NetworkForm("<img src=x onerror=alert(1)>", null,
                th.phakhi.network.NetworkScope.THEMATIC, null, "<b>ตัวหนา</b>", th.phakhi.network.NetworkVisibility.PUBLIC));
        UI.getCurrent().setLocale(Language.TH.locale());
        NetworkView view = navigate("networks/" + id.value(), NetworkView.class);
        H2 title = $(H2.class, view).first();
        assertThat(title.getText()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(title.getElement().getChildren()).allMatch(com.vaadin.flow.dom.Element::isTextNode);
        assertThat(view.getElement().getTextRecursively()).contains("<b>ตัวหนา</b>");
    }
}
