package th.phakhi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.Language;
import th.phakhi.support.PhakhiTest;
import th.phakhi.support.TestUsers;

@PhakhiTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    th.phakhi.security.internal.AccountRepository repository;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void languageChoiceIsRememberedForTheUser() {
        TestUsers.signInAs(accounts, "rattana");
        accounts.changeLanguage(Language.EN);
        assertThat(accounts.preferredLanguage()).contains(Language.EN);
        assertThat(accounts.me().language()).isEqualTo(Language.EN);
        accounts.changeLanguage(Language.TH);
        assertThat(accounts.preferredLanguage()).contains(Language.TH);
    }

    @Test
    void anonymousCannotReadOrChangeAnAccount() {
        assertThatThrownBy(() -> accounts.me()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accounts.changeLanguage(Language.EN))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void ordinaryUserCannotCreateOrListAccounts() {
        TestUsers.signInAs(accounts, "somsak");
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("sneaky", "long-enough-password", "x",
                Set.of(Role.PLATFORM_ADMIN), Language.TH))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.listAccounts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.findByUsername("admin")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void platformAdministratorCreatesAccountsWithValidatedInput() {
        TestUsers.signInAs(accounts, "admin");
        Account created = accounts.createAccount(new NewAccount("New.Clerk", "a-long-password", "นางใหม่ ใจดี",
                Set.of(), Language.TH));
        assertThat(created.username()).isEqualTo("new.clerk");
        assertThat(created.roles()).containsExactly(Role.USER);

        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("new.clerk", "a-long-password", "x",
                Set.of(), null))).isInstanceOf(UserFacingException.class).hasMessageContaining("account.error.taken");
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("{\"$ne\":null}", "a-long-password", "x",
                Set.of(), null))).hasMessageContaining("account.error.username");
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("shorty", "short", "x", Set.of(), null)))
                .hasMessageContaining("account.error.password");
        assertThatThrownBy(() -> accounts.createAccount(new NewAccount("longname", "a-long-password",
                "ก".repeat(10_000), Set.of(), null))).hasMessageContaining("account.error.displayName");
    }

    @Test
    void passwordsAreStoredHashedWithArgon2AndLongOnesAreNotTruncated() {
        TestUsers.signInAs(accounts, "admin");
        String longPassword = "ย".repeat(200);
        accounts.createAccount(new NewAccount("long.pass", longPassword, "x", Set.of(), null));
        String hash = repository.findByUsername("long.pass").orElseThrow().passwordHash();
        assertThat(hash).startsWith("{argon2}");
        assertThat(passwordEncoder.matches(longPassword, hash)).isTrue();
        // bcrypt would ignore everything after 72 bytes; a change at the very end must matter.
        assertThat(passwordEncoder.matches("ย".repeat(199) + "ก", hash)).isFalse();
    }
}
