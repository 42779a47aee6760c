package th.phakhi.chat;

/** Live event types on a room's topic ({@code room:<id>}). */
public final class ChatEvents {

    public static final String MESSAGE = "message";
    public static final String UPDATE = "update";
    public static final String TYPING = "typing";
    /** A person's first screen on a node opened the room. */
    public static final String PRESENCE_JOIN = "join";
    /** A person's last screen on a node closed the room (they may still have it open on another node). */
    public static final String PRESENCE_LEAVE = "leave";
    /** Who may be in the room changed: every subscriber re-checks its own access. */
    public static final String ACCESS = "access";

    private ChatEvents() {
    }
}
