package th.phakhi.chat.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chat message. Its id is {@code <room>.<seq padded to 12 digits>}: the room's order is the id
 * order, a sequence number can only be taken once (the _id is unique), and a page of history is a
 * lookup of known ids — cheap on every database, whatever the room's size.
 */
@Document("messages")
@CompoundIndex(name = "room_seq", def = "{'roomId': 1, 'seq': -1}")
public class MessageDocument {

    @Id
    public String id;
    public String roomId;
    public long seq;
    /** The sender's own id for this message: a resend is recognized and stored once. */
    @Indexed(unique = true)
    public String clientId;
    public String senderAccountId;
    public String senderPersonId;
    public String senderName;
    public String text;
    public String html;
    public Long replyToSeq;
    public String replyToSender;
    public String replyToExcerpt;
    public List<String> mentionAccountIds = new ArrayList<>();
    public List<String> mentionNames = new ArrayList<>();
    /** Reaction code → account ids of who reacted. */
    public Map<String, List<String>> reactions = new LinkedHashMap<>();
    /** Reaction code → names, kept in step with {@link #reactions} for display. */
    public Map<String, List<String>> reactionNames = new LinkedHashMap<>();
    public Instant createdAt;
    public Instant editedAt;
    public boolean deleted;
    public String removedBy;
    public String removedByName;
    public String removalReason;
    @Indexed
    public List<String> searchGrams = new ArrayList<>();

    public static String id(String roomId, long seq) {
        return roomId + "." + String.format("%012d", seq);
    }
}
