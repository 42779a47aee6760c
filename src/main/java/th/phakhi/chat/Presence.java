package th.phakhi.chat;

import java.util.List;

/**
 * One screen's presence in a room, from {@link ChatService#enter}: the person counts as online
 * there until {@link #close()}. What the room's online line shows comes to the listener given at
 * entry, at most every couple of seconds and only when it changed.
 */
public interface Presence extends AutoCloseable {

    /** Who is online now (as last read). */
    Online online();

    /** The screen left the room (idempotent). */
    @Override
    void close();

    /**
     * The room's online people: how many, and the first few names (sorted) — a room with
     * thousands online shows a count, not a list of thousands.
     */
    record Online(int count, List<String> names) {
        public static final Online NOBODY = new Online(0, List.of());

        public Online {
            names = List.copyOf(names);
        }

        /** How many are online beyond the names given. */
        public int others() {
            return Math.max(0, count - names.size());
        }
    }
}
