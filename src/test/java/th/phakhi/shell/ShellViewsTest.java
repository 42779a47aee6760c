package th.phakhi.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.phakhi.security.AccountService;
import th.phakhi.shared.i18n.Language;
import th.phakhi.support.PhakhiTest;
import th.phakhi.support.TestUsers;

@PhakhiTest
class ShellViewsTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void homeGreetsTheSignedInUserInThaiByDefault() {
        TestUsers.signInAs(accounts, "anucha");
        UI.getCurrent().setLocale(Language.TH.locale());
        HomeView home = navigate(HomeView.class);
        assertThat($(H2.class, home).single().getText()).isEqualTo("ยินดีต้อนรับ นายอนุชา ปัญญาดี");
    }

    @Test
    void homeSpeaksEnglishWhenChosen() {
        TestUsers.signInAs(accounts, "anucha");
        UI.getCurrent().setLocale(Language.EN.locale());
        HomeView home = navigate(HomeView.class);
        assertThat($(H2.class, home).single().getText()).isEqualTo("Welcome, นายอนุชา ปัญญาดี");
    }

    @Test
    void menuIsBuiltFromTranslatedMenuEntries() {
        TestUsers.signInAs(accounts, "anucha");
        UI.getCurrent().setLocale(Language.TH.locale());
        navigate(HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("หน้าแรก");
    }
}
