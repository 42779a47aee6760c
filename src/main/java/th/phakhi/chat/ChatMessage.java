package th.phakhi.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message as readers see it. {@code html} is the server-side rendering of the Markdown subset
 * (bold, italic, links, lists), already sanitized; {@code text} is what the author typed. A
 * deleted message keeps its place (seq) with neither.
 *
 * @param reactions reaction code → names of who reacted
 */
public record ChatMessage(String id, RoomId roomId, long seq, String clientId, String senderAccountId,
                          String senderName, String text, String html, Reply replyTo, List<String> mentions,
                          Map<String, List<String>> reactions, Instant createdAt, Instant editedAt,
                          boolean deleted, String removedByName, String removalReason) {

    public ChatMessage {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        reactions = reactions == null ? Map.of() : Map.copyOf(reactions);
    }

    /** The quoted message a reply refers to: enough to show the quote without loading it. */
    public record Reply(long seq, String senderName, String excerpt) {
    }

    public boolean edited() {
        return editedAt != null && !deleted;
    }
}
