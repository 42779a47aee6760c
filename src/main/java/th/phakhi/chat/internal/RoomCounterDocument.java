package th.phakhi.chat.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The last sequence number handed out in a room (the newest message's, give or take a failed insert). */
@Document("room_counters")
public class RoomCounterDocument {
    @Id
    public String id;
    public long seq;
}
