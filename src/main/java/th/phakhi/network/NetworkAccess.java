package th.phakhi.network;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.Person;
import th.phakhi.directory.Position;
import th.phakhi.network.internal.MembershipRequestDocument;
import th.phakhi.network.internal.NetworkDocument;
import th.phakhi.network.internal.NetworkStore;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;

/**
 * The network access rules, used in {@code @PreAuthorize} as {@code @networkAccess}:
 * <ul>
 *   <li>a member is anyone whose organization is a member organization;</li>
 *   <li>the secretariat holds a secretariat position; administrators hold chair or
 *       secretary-general and have the secretariat's rights too;</li>
 *   <li>a members-only network does not exist for anyone else (platform administrators aside).</li>
 * </ul>
 */
@Component("networkAccess")
public class NetworkAccess {

    private final NetworkStore networks;
    private final DirectoryAccess directory;
    private final MongoTemplate mongo;

    NetworkAccess(NetworkStore networks, DirectoryAccess directory, MongoTemplate mongo) {
        this.networks = networks;
        this.directory = directory;
        this.mongo = mongo;
    }

    public boolean canView(NetworkId id) {
        if (CurrentUser.get().isEmpty()) {
            return false;
        }
        Optional<NetworkDocument> network = load(id);
        if (network.isEmpty()) {
            return false;
        }
        return platformAdmin() || network.get().visibility == NetworkVisibility.PUBLIC
                || role(network.get()).isPresent();
    }

    public boolean isMember(NetworkId id) {
        return load(id).flatMap(this::role).isPresent();
    }

    public boolean isSecretariat(NetworkId id) {
        return platformAdmin() || load(id).flatMap(this::role).map(r -> r.atLeast(NetworkRole.SECRETARIAT)).orElse(false);
    }

    public boolean isAdministrator(NetworkId id) {
        return platformAdmin() || load(id).flatMap(this::role).map(r -> r == NetworkRole.ADMINISTRATOR).orElse(false);
    }

    /** Members read the charter's history; so do platform administrators. */
    public boolean canReadHistory(NetworkId id) {
        return platformAdmin() || isMember(id);
    }

    /** Leaders (or platform administrators) create networks. */
    public boolean canCreate() {
        return platformAdmin() || directory.currentPerson().map(p -> p.position() == Position.LEADER).orElse(false);
    }

    /** May act for the organization towards this network: its leader or a delegate, seeing the network. */
    public boolean canRepresentIn(NetworkId id, OrganizationId organization) {
        return directory.canRepresent(organization) && canView(id);
    }

    /** May answer an invitation or withdraw a request: a representative of the organization it names. */
    public boolean canAnswer(NetworkId id, String requestId) {
        if (id == null || requestId == null) {
            return false;
        }
        MembershipRequestDocument request = mongo.findOne(Query.query(Criteria.where("_id").is(requestId)
                .and("networkId").is(id.value())), MembershipRequestDocument.class);
        return request != null && directory.canRepresent(new OrganizationId(request.organizationId));
    }

    /** The signed-in user's role in the network, if any. */
    public Optional<NetworkRole> roleIn(NetworkId id) {
        return load(id).flatMap(this::role);
    }

    Optional<NetworkRole> role(NetworkDocument network) {
        Optional<Person> me = directory.currentPerson();
        if (me.isEmpty() || !network.hasMember(me.get().organizationId().value())) {
            return Optional.empty();
        }
        String personId = me.get().id().value();
        NetworkRole role = NetworkRole.MEMBER;
        for (NetworkDocument.PositionEntry entry : network.positionsOrEmpty()) {
            if (!personId.equals(entry.personId)) {
                continue;
            }
            if (NetworkPosition.ADMINISTRATORS.contains(entry.position)) {
                return Optional.of(NetworkRole.ADMINISTRATOR);
            }
            if (entry.position == NetworkPosition.SECRETARIAT) {
                role = NetworkRole.SECRETARIAT;
            }
        }
        return Optional.of(role);
    }

    private Optional<NetworkDocument> load(NetworkId id) {
        return id == null ? Optional.empty() : networks.find(id.value());
    }

    static boolean platformAdmin() {
        return CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false);
    }
}
