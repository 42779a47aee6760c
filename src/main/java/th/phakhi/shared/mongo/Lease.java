package th.phakhi.shared.mongo;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A claim on scheduled work that every node polls for (decision 009): a node takes the lease by
 * setting {@code field} to a time ahead with one atomic update, does the work, then clears it. If
 * the node dies, the lease runs out and another node may take it.
 */
public final class Lease {

    /** How long a claim holds before another node may redo the work. */
    public static final Duration LENGTH = Duration.ofSeconds(60);

    private Lease() {
    }

    /** Matches documents whose lease in {@code field} is not held at {@code now}. */
    public static Criteria free(String field, Instant now) {
        return new Criteria().orOperator(Criteria.where(field).is(null), Criteria.where(field).lt(now));
    }

    /** Takes the lease in {@code field} from {@code now}. */
    public static Update take(String field, Instant now) {
        return Update.update(field, now.plus(LENGTH));
    }
}
