package th.phakhi.network.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import th.phakhi.audit.AuditReadPolicy;
import th.phakhi.directory.NetworkMemberships;
import th.phakhi.directory.OrganizationId;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;

/**
 * Tells the directory which networks an organization is in (only those the viewer may see) and
 * which organizations share one; tells the audit log that network scopes belong to the network's
 * administrators.
 */
@Component
class NetworkMembershipsAdapter implements NetworkMemberships, AuditReadPolicy {

    private static final String SCOPE_PREFIX = "network:";

    private final NetworkStore store;
    private final NetworkAccess access;

    NetworkMembershipsAdapter(NetworkStore store, NetworkAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public List<NetworkRef> networksOf(OrganizationId organization) {
        return store.find(Query.query(Criteria.where("memberIds").is(organization.value()))).stream()
                .filter(doc -> access.canView(new NetworkId(doc.id)))
                .map(doc -> new NetworkRef(doc.id, doc.nameTh, doc.nameEn))
                .toList();
    }

    @Override
    public Set<OrganizationId> partnersOf(OrganizationId organization) {
        Query query = Query.query(Criteria.where("memberIds").is(organization.value()));
        query.fields().include("memberIds");
        Set<OrganizationId> partners = new HashSet<>();
        for (NetworkDocument doc : store.find(query)) {
            doc.memberIds.forEach(id -> partners.add(new OrganizationId(id)));
        }
        partners.remove(organization);
        return partners;
    }

    @Override
    public boolean owns(String scope) {
        return scope != null && scope.startsWith(SCOPE_PREFIX);
    }

    @Override
    public boolean canRead(String scope) {
        return access.isAdministrator(new NetworkId(scope.substring(SCOPE_PREFIX.length())));
    }
}
