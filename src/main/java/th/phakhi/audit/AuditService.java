package th.phakhi.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.audit.internal.AuditDocument;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;

/**
 * Records administrative actions and shows them to those allowed to read them. The actor is
 * always the signed-in user (never a parameter), so an entry cannot be written in someone
 * else's name.
 */
@Service
public class AuditService {

    public static final String PLATFORM = "platform";
    public static final int MAX_ENTRIES = 500;

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public void record(String scope, String action, Map<String, String> details) {
        PhakhiUser actor = CurrentUser.require();
        AuditDocument doc = new AuditDocument();
        doc.scope = scope;
        doc.at = clock.instant();
        doc.actorId = actor.accountId().value();
        doc.actorName = actor.displayName();
        doc.action = action;
        doc.details = Map.copyOf(details);
        mongo.insert(doc);
    }

    /** Newest first. */
    @PreAuthorize("@auditAccess.canRead(#scope)")
    public List<AuditEntry> entries(String scope, int limit) {
        Query query = Query.query(Criteria.where("scope").is(scope))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(Math.clamp(limit, 1, MAX_ENTRIES));
        return mongo.find(query, AuditDocument.class).stream()
                .map(d -> new AuditEntry(d.id, d.scope, d.at, d.actorId, d.actorName, d.action,
                        d.details == null ? Map.of() : d.details))
                .toList();
    }
}
