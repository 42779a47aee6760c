package th.phakhi.announcement;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import th.phakhi.announcement.internal.AnnouncementDocument;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.Person;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.workinggroup.WorkingGroupAccess;
import th.phakhi.workinggroup.WorkingGroupId;

/**
 * Announcement rules for {@code @PreAuthorize} as {@code @announcementAccess}: the audience (the
 * network's members, or one working group's) reads published announcements; the network's
 * secretariat and administrators manage them and see scheduled ones; each member organization's
 * leader or delegate acknowledges once for the organization.
 */
@Component("announcementAccess")
public class AnnouncementAccess {

    private final MongoTemplate mongo;
    private final NetworkAccess networks;
    private final WorkingGroupAccess groups;
    private final DirectoryAccess directory;

    AnnouncementAccess(MongoTemplate mongo, NetworkAccess networks, WorkingGroupAccess groups, DirectoryAccess directory) {
        this.mongo = mongo;
        this.networks = networks;
        this.groups = groups;
        this.directory = directory;
    }

    public boolean canRead(AnnouncementId id) {
        return load(id).map(this::canRead).orElse(false);
    }

    boolean canRead(AnnouncementDocument doc) {
        NetworkId network = new NetworkId(doc.networkId);
        if (networks.isSecretariat(network)) {
            return true;
        }
        if (!doc.published) {
            return false;
        }
        return doc.groupId == null ? networks.isMember(network) : groups.isMember(new WorkingGroupId(doc.groupId));
    }

    public boolean canManage(AnnouncementId id) {
        return load(id).map(doc -> networks.isSecretariat(new NetworkId(doc.networkId))).orElse(false);
    }

    /** The signed-in user acts for a member organization of the audience and the announcement asks for it. */
    public boolean canAcknowledge(AnnouncementId id) {
        Optional<AnnouncementDocument> doc = load(id);
        if (doc.isEmpty() || !doc.get().published || !doc.get().acknowledgementRequired || !canRead(doc.get())) {
            return false;
        }
        Optional<Person> me = directory.currentPerson();
        if (me.isEmpty() || !directory.canRepresent(me.get().organizationId())) {
            return false;
        }
        return doc.get().groupId == null ? networks.isMember(new NetworkId(doc.get().networkId))
                : groups.isMember(new WorkingGroupId(doc.get().groupId));
    }

    Optional<OrganizationId> myOrganization() {
        return directory.currentOrganization();
    }

    Optional<AnnouncementDocument> load(AnnouncementId id) {
        if (id == null || id.value().isBlank() || id.value().length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id.value(), AnnouncementDocument.class));
    }

    static boolean platformAdmin() {
        return CurrentUser.get().map(PhakhiUser::isPlatformAdmin).orElse(false);
    }
}
