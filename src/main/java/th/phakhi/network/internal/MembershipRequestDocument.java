package th.phakhi.network.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.network.MembershipRequest;

@Document("network_requests")
@CompoundIndex(name = "network_status", def = "{'networkId': 1, 'status': 1, 'createdAt': -1}")
public class MembershipRequestDocument {

    @Id
    public String id;
    public String networkId;
    public String organizationId;
    public MembershipRequest.Kind kind;
    public MembershipRequest.Status status;
    public String message;
    public String requestedBy;
    public String requestedByName;
    public Instant createdAt;
    public String decidedBy;
    public String decidedByName;
    public Instant decidedAt;
    public String reason;
    /**
     * {@code networkId:organizationId} while pending, removed once decided: the unique index makes
     * "one open request or invitation per organization and network" a database guarantee.
     */
    @Indexed(unique = true, sparse = true)
    public String pendingKey;

    public static String pendingKey(String networkId, String organizationId) {
        return networkId + ":" + organizationId;
    }
}
