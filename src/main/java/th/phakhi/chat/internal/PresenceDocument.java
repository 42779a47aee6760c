package th.phakhi.chat.internal;

import java.util.Date;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person with a room open on one app node: {@code _id = <room>|<account>|<node>}. The node
 * refreshes {@code seenAt} of its rows every minute; rows of a node that died stop counting when
 * they are a few minutes old and are removed later.
 */
@Document(PresenceDocument.COLLECTION)
@CompoundIndex(name = "room_seen", def = "{'room': 1, 'seenAt': 1}")
@CompoundIndex(name = "node", def = "{'node': 1}")
public class PresenceDocument {
    public static final String COLLECTION = "chat_presence";

    @Id
    public String id;
    public String room;
    public String account;
    public String name;
    public String node;
    public Date seenAt;
}
