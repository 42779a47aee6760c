package th.phakhi.workinggroup.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.workinggroup.WorkingGroup;

@Document("working_groups")
public class WorkingGroupDocument {
    @Id
    public String id;
    @Indexed
    public String networkId;
    public String name;
    public String mandate;
    public String leadPersonId;
    /** Person ids; the lead is always among them. */
    @Indexed
    public List<String> memberIds = new ArrayList<>();
    public List<String> pendingJoinIds = new ArrayList<>();
    public WorkingGroup.Status status = WorkingGroup.Status.ACTIVE;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
}
