package th.phakhi.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for an account name or a client address that failed {@code maxFailures} times
 * within {@code window}, until the oldest of those failures leaves the window.
 *
 * <p>Failures are kept in MongoDB (one small document per key, read by {@code _id}), so every
 * app node behind the proxy enforces the same limit and a restart does not reset it. The key for
 * an account name is kept whether or not the account exists, so the answer never tells an
 * attacker which names are real.
 */
@Component
public class LoginThrottle {

    @Document("login_throttle")
    static class ThrottleDocument {
        @Id
        String id;
        List<Instant> failures = new ArrayList<>();
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(MongoTemplate mongo, Clock clock,
                  @Value("${phakhi.security.login.max-failures:5}") int maxFailures,
                  @Value("${phakhi.security.login.window:15m}") Duration window) {
        this.mongo = mongo;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** When sign-in is refused for these keys: the instant it opens again; empty when allowed. */
    public Optional<Instant> blockedUntil(String username, String address) {
        Instant now = clock.instant();
        return keys(username, address).stream()
                .map(key -> blockedUntil(key, now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            ThrottleDocument doc = Optional.ofNullable(mongo.findById(key, ThrottleDocument.class))
                    .orElseGet(ThrottleDocument::new);
            doc.id = key;
            doc.failures = new ArrayList<>(recent(doc.failures, now));
            doc.failures.add(now);
            // Keep the document bounded even under a flood of attempts.
            while (doc.failures.size() > maxFailures * 2) {
                doc.failures.removeFirst();
            }
            mongo.save(doc);
        }
    }

    /** A successful sign-in clears the account's counter (the address counter stays). */
    public void recordSuccess(String username) {
        mongo.remove(Query.query(Criteria.where("_id").is(userKey(username))), ThrottleDocument.class);
    }

    /** Forgets windows that have passed, so the collection does not grow with every address ever seen. */
    @Scheduled(fixedDelayString = "${phakhi.security.login.cleanup-interval:PT1H}", initialDelay = 60_000)
    public void purgeExpired() {
        Instant cutoff = clock.instant().minus(window);
        List<ThrottleDocument> all = mongo.findAll(ThrottleDocument.class);
        for (ThrottleDocument doc : all) {
            if (doc.failures == null || doc.failures.stream().allMatch(at -> at.isBefore(cutoff))) {
                mongo.remove(Query.query(Criteria.where("_id").is(doc.id)), ThrottleDocument.class);
            }
        }
    }

    private Optional<Instant> blockedUntil(String key, Instant now) {
        ThrottleDocument doc = mongo.findById(key, ThrottleDocument.class);
        if (doc == null) {
            return Optional.empty();
        }
        List<Instant> recent = recent(doc.failures, now);
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        // Open again when enough failures have aged out that fewer than maxFailures remain.
        Instant unlocking = recent.get(recent.size() - maxFailures);
        return Optional.of(unlocking.plus(window));
    }

    private List<Instant> recent(List<Instant> failures, Instant now) {
        if (failures == null) {
            return List.of();
        }
        Instant cutoff = now.minus(window);
        return failures.stream().filter(at -> at.isAfter(cutoff)).sorted().toList();
    }

    private static List<String> keys(String username, String address) {
        List<String> keys = new ArrayList<>(2);
        keys.add(userKey(username));
        if (address != null && !address.isBlank()) {
            keys.add("ip:" + address);
        }
        return keys;
    }

    private static String userKey(String username) {
        String normalized = Accounts.normalizeUsername(username);
        // Bound the key: an absurdly long name is throttled under its prefix.
        return "user:" + (normalized.length() > 200 ? normalized.substring(0, 200) : normalized);
    }
}
