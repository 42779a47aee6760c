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
        if (mongo.count(Query.query(Criteria.where("accountId").is(accountId)), ApiTokenDocument.class) >= MAX_TOKENS) {
            throw new UserFacingException("token.error.tooMany", MAX_TOKENS);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
        return mongo.find(Query.query(Criteria.where("accountId").is(CurrentUser.require().accountId().value()))
                .with(Sort.by("createdAt")), ApiTokenDocument.class).stream().map(ApiTokenService::toToken).toList();
    }

    /** Revokes one of the signed-in user's tokens; clients using it are refused from now on. */
    @PreAuthorize("isAuthenticated()")
    public void revoke(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("accountId")
                .is(CurrentUser.require().accountId().value())), ApiTokenDocument.class);
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
        ApiTokenDocument doc = mongo.findAndModify(Query.query(Criteria.where("hash").is(hash(secret))),
                Update.update("lastUsedAt", clock.instant()), ApiTokenDocument.class);
        if (doc == null) {
            return Optional.empty();
        }
        return accounts.findById(doc.accountId).filter(a -> a.enabled()).map(Accounts::toUser).map(user -> {
            user.eraseCredentials();
            return user;
        });
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
