package th.phakhi.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import th.phakhi.security.internal.AccountDocument;
import th.phakhi.security.internal.AccountRepository;
import th.phakhi.security.internal.Accounts;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.Language;

/** Accounts: opening them (platform administrators), reading one's own, and personal preferences. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 1024;
    public static final int MAX_DISPLAY_NAME = 120;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final AccountRepository repository;
    private final MongoTemplate mongo;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository repository, MongoTemplate mongo, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The signed-in user's own account. */
    @PreAuthorize("isAuthenticated()")
    public Account me() {
        PhakhiUser user = CurrentUser.require();
        return repository.findById(user.accountId().value()).map(Accounts::toAccount)
                .orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    /** Remembers the language the signed-in user chose; it is applied at every later sign-in. */
    @PreAuthorize("isAuthenticated()")
    public void changeLanguage(Language language) {
        PhakhiUser user = CurrentUser.require();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(user.accountId().value())),
                Update.update("language", language.code()), AccountDocument.class);
    }

    /** The language the signed-in user chose, if they ever chose one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Language> preferredLanguage() {
        PhakhiUser user = CurrentUser.require();
        return repository.findById(user.accountId().value()).flatMap(doc -> Language.fromCode(doc.language()));
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Account createAccount(NewAccount request) {
        String username = Accounts.normalizeUsername(request.username());
        if (!USERNAME.matcher(username).matches()) {
            throw new UserFacingException("account.error.username");
        }
        String password = request.password() == null ? "" : request.password();
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new UserFacingException("account.error.password", MIN_PASSWORD, MAX_PASSWORD);
        }
        String displayName = request.displayName() == null ? "" : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw new UserFacingException("account.error.displayName", MAX_DISPLAY_NAME);
        }
        AccountDocument doc = AccountDocument.create(username, passwordEncoder.encode(password), displayName,
                Accounts.roleNames(roles(request.roles())),
                request.language() == null ? null : request.language().code(), clock.instant());
        try {
            return Accounts.toAccount(repository.insert(doc));
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("account.error.taken");
        }
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<Account> findByUsername(String username) {
        return repository.findByUsername(Accounts.normalizeUsername(username)).map(Accounts::toAccount);
    }

    /** The language an account reads in (for e-mail and other messages sent to it). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Language languageOf(AccountId account) {
        return repository.findById(account.value()).flatMap(doc -> Language.fromCode(doc.language()))
                .orElse(Language.DEFAULT);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<Account> listAccounts() {
        return repository.findAll(Sort.by("username")).stream().map(Accounts::toAccount).toList();
    }

    private static Set<Role> roles(Set<Role> requested) {
        Set<Role> roles = EnumSet.of(Role.USER);
        if (requested != null) {
            roles.addAll(requested);
        }
        return roles;
    }
}
