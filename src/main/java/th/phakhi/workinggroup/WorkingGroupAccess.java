package th.phakhi.workinggroup;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.Person;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.workinggroup.internal.WorkingGroupDocument;

/**
 * Working group rules for {@code @PreAuthorize} as {@code @wgAccess}: network members see a
 * network's groups; group members take part; the lead and the network's administrators manage.
 * Membership of a group counts only while the person's organization is in the network.
 */
@Component("wgAccess")
public class WorkingGroupAccess {

    private final MongoTemplate mongo;
    private final NetworkAccess networks;
    private final DirectoryAccess directory;

    WorkingGroupAccess(MongoTemplate mongo, NetworkAccess networks, DirectoryAccess directory) {
        this.mongo = mongo;
        this.networks = networks;
        this.directory = directory;
    }

    public boolean canSee(WorkingGroupId id) {
        return load(id).map(g -> networks.isMember(new NetworkId(g.networkId)) || platformAdmin()).orElse(false);
    }

    public boolean isMember(WorkingGroupId id) {
        Optional<WorkingGroupDocument> group = load(id);
        if (group.isEmpty()) {
            return false;
        }
        Optional<Person> me = directory.currentPerson();
        return me.isPresent() && group.get().memberIds.contains(me.get().id().value())
                && networks.isMember(new NetworkId(group.get().networkId));
    }

    public boolean isLead(WorkingGroupId id) {
        Optional<WorkingGroupDocument> group = load(id);
        Optional<Person> me = directory.currentPerson();
        return group.isPresent() && me.isPresent() && me.get().id().value().equals(group.get().leadPersonId)
                && networks.isMember(new NetworkId(group.get().networkId));
    }

    public boolean canManage(WorkingGroupId id) {
        return isLead(id) || load(id).map(g -> networks.isAdministrator(new NetworkId(g.networkId))).orElse(false);
    }

    Optional<WorkingGroupDocument> load(WorkingGroupId id) {
        if (id == null || id.value().isBlank() || id.value().length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id.value(), WorkingGroupDocument.class));
    }

    private static boolean platformAdmin() {
        return CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false);
    }
}
