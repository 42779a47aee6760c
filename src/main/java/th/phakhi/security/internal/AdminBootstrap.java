package th.phakhi.security.internal;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import th.phakhi.security.AccountService;
import th.phakhi.security.NewAccount;
import th.phakhi.security.Role;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.Language;

/**
 * Creates the first platform administrator from configuration ({@code phakhi.admin.username}
 * and {@code phakhi.admin.password}) when that account does not exist yet. Never changes an
 * existing account, so the password can be removed from the configuration after the first start.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final AccountRepository repository;
    private final String username;
    private final String password;
    private final String displayName;

    AdminBootstrap(AccountService accounts, AccountRepository repository,
                   @Value("${phakhi.admin.username:}") String username,
                   @Value("${phakhi.admin.password:}") String password,
                   @Value("${phakhi.admin.display-name:Platform administrator}") String displayName) {
        this.accounts = accounts;
        this.repository = repository;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    void createFirstAdministrator() {
        if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
            return;
        }
        if (repository.existsByUsername(Accounts.normalizeUsername(username))) {
            return;
        }
        try {
            SystemRunner.run(() -> accounts.createAccount(new NewAccount(username, password, displayName,
                    Set.of(Role.PLATFORM_ADMIN), Language.DEFAULT)));
        } catch (UserFacingException e) {
            if ("account.error.taken".equals(e.messageKey())) {
                return; // another node created it at the same moment
            }
            log.error("Could not create the first administrator '{}': {}", username, e.getMessage());
            return;
        }
        log.info("Created the first platform administrator '{}'", Accounts.normalizeUsername(username));
    }
}
