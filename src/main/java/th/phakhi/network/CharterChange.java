package th.phakhi.network;

import java.time.Instant;
import java.util.List;

/**
 * One version in the charter's history: who changed what, when. {@code changes} are translation
 * keys with their parameters (e.g. "vision changed", "goal 2 added: …"); the snapshot is the
 * vision and goals as they were after the change.
 */
public record CharterChange(int version, Instant at, String byName, List<Change> changes, String vision,
                            List<String> goals) {

    public CharterChange {
        changes = List.copyOf(changes);
        goals = goals == null ? List.of() : List.copyOf(goals);
    }

    public record Change(String key, List<String> params) {
        public Change {
            params = List.copyOf(params);
        }
    }
}
