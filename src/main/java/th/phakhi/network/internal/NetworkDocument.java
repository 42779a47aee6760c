package th.phakhi.network.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import th.phakhi.network.NetworkPosition;
import th.phakhi.network.NetworkScope;
import th.phakhi.network.NetworkVisibility;

/**
 * A network with its members, positions, charter and charter history in one document, so that
 * every change (joining, leaving with the leaver's positions, a charter edit with its history
 * entry) is one atomic single-document update — see docs/decisions/002-no-transactions.md.
 */
@Document("networks")
public class NetworkDocument {

    @Id
    public String id;
    public String nameTh;
    public String nameEn;
    public NetworkScope scope;
    public String provinceCode;
    public String description;
    public NetworkVisibility visibility;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    public List<MemberEntry> members = new ArrayList<>();
    /** Member organization ids, for "networks of an organization" queries (multikey index). */
    @Indexed
    public List<String> memberIds = new ArrayList<>();
    public List<PositionEntry> positions = new ArrayList<>();
    public CharterEntry charter = new CharterEntry();
    /** Every charter and structure version, oldest first. Excluded from ordinary reads. */
    public List<HistoryEntry> charterHistory = new ArrayList<>();
    @Indexed
    public List<String> searchGrams = new ArrayList<>();

    public static class MemberEntry {
        public String organizationId;
        public Instant joinedAt;
        public String via;
    }

    public static class PositionEntry {
        public String id;
        public NetworkPosition position;
        public String personId;
        public String organizationId;
        public Instant since;
    }

    public static class CharterEntry {
        public String vision;
        public List<String> goals = new ArrayList<>();
        public int version;
        public Instant updatedAt;
        public String updatedBy;
        public String updatedByName;
    }

    public static class HistoryEntry {
        public int version;
        public Instant at;
        public String by;
        public String byName;
        public List<ChangeEntry> changes = new ArrayList<>();
        public String vision;
        public List<String> goals = new ArrayList<>();
    }

    public static class ChangeEntry {
        public String key;
        public List<String> params = new ArrayList<>();

        public ChangeEntry() {
        }

        public ChangeEntry(String key, List<String> params) {
            this.key = key;
            this.params = new ArrayList<>(params);
        }
    }

    public List<MemberEntry> membersOrEmpty() {
        return members == null ? List.of() : members;
    }

    public List<PositionEntry> positionsOrEmpty() {
        return positions == null ? List.of() : positions;
    }

    public boolean hasMember(String organizationId) {
        return memberIds != null && memberIds.contains(organizationId);
    }
}
