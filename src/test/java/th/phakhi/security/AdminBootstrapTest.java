package th.phakhi.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The first administrator comes from configuration when there is no demo data. */
@SpringBootTest(properties = {"phakhi.demo.enabled=false", "phakhi.admin.username=Chief",
        "phakhi.admin.password=first-admin-password"})
@ActiveProfiles("test")
class AdminBootstrapTest {

    @Autowired
    AccountService accounts;

    @Test
    void firstAdministratorIsCreatedFromConfiguration() {
        Account chief = SystemRunner.call(() -> accounts.findByUsername("chief")).orElseThrow();
        assertThat(chief.isPlatformAdmin()).isTrue();
        assertThat(SystemRunner.call(() -> accounts.listAccounts())).extracting(Account::username).containsExactly("chief");
    }
}
