package th.phakhi.training;

import java.time.Instant;

/** One attendee's After Action Review of one occurrence. */
public record Review(OccurrenceId occurrenceId, Instant occurrenceStart, String personName, String organizationName,
                     String expected, String happened, String better, String suggestions, Instant at) {
}
