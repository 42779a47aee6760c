package th.phakhi.chat;

import org.springframework.stereotype.Component;
import th.phakhi.network.NetworkAccess;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupAccess;
import th.phakhi.workinggroup.WorkingGroupId;
import th.phakhi.workinggroup.WorkingGroupService;

/**
 * Chat rules for {@code @PreAuthorize} as {@code @chatAccess}: a network's room is for the
 * network's members, a group's room for the group's members (while their organization is in the
 * network); closed groups can be read, not written; the network's secretariat and administrators,
 * or the group's lead, moderate. Platform administrators get no access to conversations they are
 * not part of.
 */
@Component("chatAccess")
public class ChatAccess {

    private final NetworkAccess networks;
    private final WorkingGroupAccess groups;
    private final WorkingGroupService groupService;

    ChatAccess(NetworkAccess networks, WorkingGroupAccess groups, WorkingGroupService groupService) {
        this.networks = networks;
        this.groups = groups;
        this.groupService = groupService;
    }

    public boolean canRead(RoomId room) {
        if (room == null || RoomId.parse(room.value()).isEmpty()) {
            return false;
        }
        return room.isNetworkRoom() ? networks.isMember(room.networkId()) : groups.isMember(room.groupId());
    }

    public boolean canWrite(RoomId room) {
        if (!canRead(room)) {
            return false;
        }
        return room.isNetworkRoom() || groupActive(room.groupId());
    }

    public boolean canModerate(RoomId room) {
        if (!canRead(room)) {
            return false;
        }
        return room.isNetworkRoom() ? networks.isSecretariat(room.networkId()) : groups.canManage(room.groupId());
    }

    private boolean groupActive(WorkingGroupId id) {
        return groupService.find(id).status() == WorkingGroup.Status.ACTIVE;
    }
}
