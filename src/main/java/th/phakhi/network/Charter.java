package th.phakhi.network;

import java.time.Instant;
import java.util.List;

/** The network's stated vision and goals (ordered), at a version. */
public record Charter(String vision, List<String> goals, int version, Instant updatedAt, String updatedByName) {
    public Charter {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
