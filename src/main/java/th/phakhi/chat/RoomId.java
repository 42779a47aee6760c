package th.phakhi.chat;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;
import th.phakhi.network.NetworkId;
import th.phakhi.workinggroup.WorkingGroupId;

/**
 * A chat room: {@code net-<network id>} (the network's general room) or {@code wg-<group id>}.
 * Safe in URLs and STOMP destinations by construction; anything else does not parse.
 */
public record RoomId(String value) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("(net|wg)-[A-Za-z0-9]{1,40}");

    public static RoomId of(NetworkId network) {
        return new RoomId("net-" + network.value());
    }

    public static RoomId of(WorkingGroupId group) {
        return new RoomId("wg-" + group.value());
    }

    /** The room named by a text from outside (URL, STOMP destination), if it is well formed. */
    public static Optional<RoomId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new RoomId(text)) : Optional.empty();
    }

    public boolean isNetworkRoom() {
        return value.startsWith("net-");
    }

    public NetworkId networkId() {
        return new NetworkId(value.substring(4));
    }

    public WorkingGroupId groupId() {
        return new WorkingGroupId(value.substring(3));
    }

    /** The live event topic of this room. */
    public String topic() {
        return "room:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
