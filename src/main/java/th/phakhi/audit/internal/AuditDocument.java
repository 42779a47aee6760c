package th.phakhi.audit.internal;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("audit_log")
@CompoundIndex(name = "scope_at", def = "{'scope': 1, 'at': -1}")
public class AuditDocument {
    @Id
    public String id;
    public String scope;
    public Instant at;
    public String actorId;
    public String actorName;
    public String action;
    public Map<String, String> details;
}
