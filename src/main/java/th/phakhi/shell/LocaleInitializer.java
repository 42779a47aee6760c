package th.phakhi.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import th.phakhi.security.AccountService;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.i18n.Language;
import th.phakhi.shared.ui.LanguageSwitch;

/**
 * Chooses the language of every new UI: the signed-in user's stored choice, else this browser's
 * cookie, else Thai. (Not the browser's Accept-Language: Thai is the default for everyone.)
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private final AccountService accounts;

    LocaleInitializer(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> LanguageSwitch.apply(init.getUI(), resolve(VaadinRequest.getCurrent())));
    }

    Language resolve(VaadinRequest request) {
        if (CurrentUser.get().isPresent()) {
            var stored = accounts.preferredLanguage();
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return LanguageSwitch.fromCookie(request).orElse(Language.DEFAULT);
    }
}
