package th.phakhi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.security.internal.AccountRepository;
import th.phakhi.security.internal.Accounts;
import th.phakhi.security.internal.ApiTokenDocument;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;

/**
 * Personal API tokens for non-browser clients (integrations, a future mobile app) of the STOMP
 * API. Each user creates and revokes their own; the secret is shown once and stored only as a
 * SHA-256 hash (the secret is 256 random bits, so a fast hash is the right one).
 *
 * <p>The same kind of secret, with a <em>scope</em>, makes read-only links a person can paste
 * elsewhere (a calendar subscription): one per person and scope, replaced when regenerated, and
 * never accepted as an API token — nor an API token as one.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "phk_";
    public static final int MAX_TOKENS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final AccountRepository accounts;
    private final Clock clock;

    ApiTokenService(MongoTemplate mongo, AccountRepository accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public ApiToken.Created create(String name) {
        String label = Validation.required(name, 100);
        String accountId = CurrentUser.require().accountId().value();
        if (mongo.count(apiTokensOf(accountId), ApiTokenDocument.class) >= MAX_TOKENS) {
            throw new UserFacingException("token.error.tooMany", MAX_TOKENS);
        }
        String secret = PREFIX + randomSecret();
        ApiTokenDocument doc = new ApiTokenDocument();
        doc.accountId = accountId;
        doc.name = label;
        doc.hash = hash(secret);
        doc.createdAt = clock.instant();
        mongo.insert(doc);
        return new ApiToken.Created(toToken(doc), secret);
    }

    @PreAuthorize("isAuthenticated()")
    public List<ApiToken> mine() {
        return mongo.find(apiTokensOf(CurrentUser.require().accountId().value()).with(Sort.by("createdAt")),
                ApiTokenDocument.class).stream().map(ApiTokenService::toToken).toList();
    }

    /** Revokes one of the signed-in user's tokens; clients using it are refused from now on. */
    @PreAuthorize("isAuthenticated()")
    public void revoke(String id) {
        mongo.remove(apiTokensOf(CurrentUser.require().accountId().value()).addCriteria(Criteria.where("_id").is(id)),
                ApiTokenDocument.class);
    }

    /**
     * The user a token belongs to, for authenticating a client connection — callable without a
     * signed-in user, since this is how a client signs in. Disabled accounts are refused.
     */
    @PreAuthorize("permitAll()")
    public Optional<PhakhiUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return userOf(Query.query(Criteria.where("hash").is(hash(secret))).addCriteria(Criteria.where("scope").is(null)));
    }

    // ------------------------------------------------------------------ scoped secret links

    /** Makes the signed-in user's secret for a scope, replacing (and so disabling) the previous one. */
    @PreAuthorize("isAuthenticated()")
    public String replaceScopedSecret(String scope) {
        String accountId = CurrentUser.require().accountId().value();
        String secret = scope + "_" + randomSecret();
        ApiTokenDocument doc = new ApiTokenDocument();
        doc.accountId = accountId;
        doc.name = scope;
        doc.scope = scope;
        doc.hash = hash(secret);
        doc.createdAt = clock.instant();
        mongo.remove(scoped(accountId, scope), ApiTokenDocument.class);
        mongo.insert(doc);
        return secret;
    }

    /** When the signed-in user's secret for a scope was made, if they have one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<java.time.Instant> scopedSecretCreated(String scope) {
        return Optional.ofNullable(mongo.findOne(scoped(CurrentUser.require().accountId().value(), scope),
                ApiTokenDocument.class)).map(d -> d.createdAt);
    }

    /** Removes the signed-in user's secret for a scope. */
    @PreAuthorize("isAuthenticated()")
    public void removeScopedSecret(String scope) {
        mongo.remove(scoped(CurrentUser.require().accountId().value(), scope), ApiTokenDocument.class);
    }

    /**
     * The user whose secret for this scope it is — callable without a signed-in user: the secret
     * is the credential (a calendar app fetching a feed). Disabled accounts are refused.
     */
    @PreAuthorize("permitAll()")
    public Optional<PhakhiUser> authenticateScoped(String scope, String secret) {
        if (scope == null || secret == null || !secret.startsWith(scope + "_") || secret.length() > 100) {
            return Optional.empty();
        }
        return userOf(Query.query(Criteria.where("hash").is(hash(secret))).addCriteria(Criteria.where("scope").is(scope)));
    }

    private Optional<PhakhiUser> userOf(Query query) {
        ApiTokenDocument doc = mongo.findAndModify(query, Update.update("lastUsedAt", clock.instant()),
                ApiTokenDocument.class);
        if (doc == null) {
            return Optional.empty();
        }
        return accounts.findById(doc.accountId).filter(a -> a.enabled()).map(Accounts::toUser).map(user -> {
            user.eraseCredentials();
            return user;
        });
    }

    private static Query apiTokensOf(String accountId) {
        return Query.query(Criteria.where("accountId").is(accountId)).addCriteria(Criteria.where("scope").is(null));
    }

    private static Query scoped(String accountId, String scope) {
        return Query.query(Criteria.where("accountId").is(accountId)).addCriteria(Criteria.where("scope").is(scope));
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static ApiToken toToken(ApiTokenDocument doc) {
        return new ApiToken(doc.id, doc.name, doc.createdAt, doc.lastUsedAt);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
