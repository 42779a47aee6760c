package th.phakhi.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.directory.ContactVisibility;
import th.phakhi.directory.Position;

@Document("people")
public class PersonDocument {

    @Id
    public String id;
    @Indexed(unique = true, sparse = true)
    public String accountId;
    @Indexed
    public String organizationId;
    public String title;
    public String firstName;
    public String lastName;
    public Position position;
    public String positionDetail;
    public List<String> responsibilities = new ArrayList<>();
    public List<String> expertise = new ArrayList<>();
    public String phone;
    public String email;
    public String lineId;
    public ContactVisibility contactVisibility = ContactVisibility.SHARED_NETWORKS;
    /** The organization's names, copied so that a people search finds people by organization. */
    public String organizationName;
    @Indexed
    public List<String> searchGrams = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;
}
