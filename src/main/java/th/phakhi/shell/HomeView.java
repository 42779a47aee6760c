package th.phakhi.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.i18n.DateFormats;

/** The first page after sign-in: a greeting and today's date, and later what is new in my networks. */
@Route("")
@Menu(title = "menu.home", icon = "vaadin:home", order = 0)
@PermitAll
class HomeView extends Div implements HasDynamicTitle {

    HomeView() {
        addClassName("page");
        setId("home");
        H2 greeting = new H2(getTranslation("home.greeting", CurrentUser.require().displayName()));
        Paragraph today = new Paragraph(getTranslation("home.today",
                DateFormats.longDate(LocalDate.now(DateFormats.THAILAND), getLocale())));
        today.addClassName("muted");
        Paragraph intro = new Paragraph(getTranslation("home.intro"));
        add(greeting, today, intro);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
