package th.phakhi.shared.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import th.phakhi.shared.i18n.Language;
import th.phakhi.shared.i18n.TranslationProvider;

/**
 * A button that switches between Thai and English. It shows the language you would switch
 * <em>to</em>, in that language ("English" / "ภาษาไทย"), so a reader of either can find it.
 * The choice is kept in a cookie for this browser; the signed-in shell also stores it with the
 * account. The page reloads so every text on it changes at once.
 */
public class LanguageSwitch extends Composite<Button> {

    public static final String COOKIE = "phakhi-lang";

    private final Consumer<Language> onChange;

    public LanguageSwitch(Consumer<Language> onChange) {
        this.onChange = onChange;
    }

    @Override
    protected Button initContent() {
        Language target = other(Language.of(UI.getCurrent().getLocale()));
        Button button = new Button(VaadinIcon.GLOBE.create());
        // Full name on wide screens, a short code on phones (CSS chooses).
        Span full = new Span(getTranslation("language.switchTo." + target.code()));
        full.addClassName("lang-full");
        Span brief = new Span(getTranslation("language.short." + target.code()));
        brief.addClassName("lang-short");
        button.getElement().appendChild(full.getElement(), brief.getElement());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setId("language-switch");
        button.getElement().setAttribute("lang", target.code());
        button.getElement().setAttribute("aria-label", getTranslation("language.switch.aria"));
        button.addClickListener(click -> switchTo(target));
        return button;
    }

    private void switchTo(Language language) {
        UI ui = UI.getCurrent();
        apply(ui, language);
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax'",
                COOKIE, language.code());
        if (onChange != null) {
            onChange.accept(language);
        }
        ui.getPage().reload();
    }

    /** Sets the language of this UI and of the whole session (later views open in it too). */
    public static void apply(UI ui, Language language) {
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(language.locale());
        }
        ui.setLocale(language.locale());
        ui.getElement().executeJs("document.documentElement.lang = $0", language.code());
        // The connection indicator ("reconnecting…") speaks the user's language too.
        @SuppressWarnings("deprecation")
        var reconnect = ui.getReconnectDialogConfiguration();
        reconnect.setDialogText(TranslationProvider.translate("connection.reconnecting", language.locale()));
        reconnect.setDialogTextGaveUp(TranslationProvider.translate("connection.offline", language.locale()));
    }

    /** The language this browser chose before, from its cookie. */
    public static Optional<Language> fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .map(Language::fromCode)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Language other(Language language) {
        return language == Language.TH ? Language.EN : Language.TH;
    }
}
