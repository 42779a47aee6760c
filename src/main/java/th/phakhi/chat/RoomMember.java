package th.phakhi.chat;

/** Someone who can take part in a room (for mentions and the online list). */
public record RoomMember(String accountId, String name, String shortName) {
}
