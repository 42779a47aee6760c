package th.phakhi.training;

import java.time.Instant;
import java.util.List;
import th.phakhi.directory.OrganizationId;

/** Attendance of a network's past occurrences, per occurrence and per organization. */
public record AttendanceReport(List<ByOccurrence> occurrences, List<ByOrganization> organizations) {

    public record ByOccurrence(OccurrenceId id, String topic, Instant start, int registered, int attended) {
        public double rate() {
            return registered == 0 ? 0 : (double) attended / registered;
        }
    }

    public record ByOrganization(OrganizationId id, String name, int registered, int attended) {
        public double rate() {
            return registered == 0 ? 0 : (double) attended / registered;
        }
    }
}
