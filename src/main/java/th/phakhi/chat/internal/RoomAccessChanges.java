package th.phakhi.chat.internal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.phakhi.chat.ChatEvents;
import th.phakhi.chat.RoomId;
import th.phakhi.network.NetworkEvents;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.SystemRunner;
import th.phakhi.workinggroup.WorkingGroupEvents;
import th.phakhi.workinggroup.WorkingGroupService;

/**
 * When who may be in a room changes — an organization leaves a network, people leave a group, a
 * group closes — every open screen and STOMP connection of that room, on every node, re-checks
 * its own access at once; those that lost it are cut off.
 */
@Component
class RoomAccessChanges {

    private final LiveEvents live;
    private final WorkingGroupService groups;

    RoomAccessChanges(LiveEvents live, WorkingGroupService groups) {
        this.live = live;
        this.groups = groups;
    }

    @EventListener
    void organizationLeft(NetworkEvents.MemberLeft event) {
        announce(RoomId.of(event.networkId()));
        SystemRunner.run(() -> groups.groupsOf(event.networkId()).forEach(g -> announce(RoomId.of(g.id()))));
    }

    @EventListener
    void membersRemoved(WorkingGroupEvents.MembersRemoved event) {
        announce(RoomId.of(event.id()));
    }

    @EventListener
    void statusChanged(WorkingGroupEvents.StatusChanged event) {
        announce(RoomId.of(event.id()));
    }

    private void announce(RoomId room) {
        live.publish(room.topic(), ChatEvents.ACCESS, null, 0, Map.of());
    }

}
