package th.phakhi.chat.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How far one person has read in one room: {@code _id = <account>|<room>}. */
@Document("room_reads")
public class ReadMarkDocument {
    @Id
    public String id;
    public long seq;

    public static String id(String accountId, String roomId) {
        return accountId + "|" + roomId;
    }
}
