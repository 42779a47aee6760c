package th.phakhi.training;

import java.time.Instant;
import java.util.List;
import th.phakhi.network.NetworkId;
import th.phakhi.shared.Link;

/**
 * One occurrence as the signed-in user sees it: the series' details, its own time and state, the
 * counts, and the user's own standing.
 *
 * @param seriesSize     how many occurrences the series has (1 for a single event)
 * @param capacity       seats; null for no limit
 * @param myStatus       the signed-in person's registration
 * @param waitingPosition 1-based place on the waiting list, 0 when not waiting
 * @param canManage      the signed-in user is the network's secretariat or administrator
 * @param sequence       raised on every change attendees should know of (iCalendar SEQUENCE)
 */
public record Occurrence(OccurrenceId id, SeriesId seriesId, NetworkId networkId, String networkName, int number,
                         int seriesSize, EventType type, String topic, String agenda, String agendaHtml,
                         List<String> speakers, String venue, String address, String mapUrl, String onlineUrl,
                         List<Link> materials, Instant start, Instant end, Instant registrationClosesAt,
                         boolean moved, boolean cancelled, String cancelReason, Integer capacity,
                         int registeredCount, int waitingCount, RegistrationStatus myStatus, int waitingPosition,
                         boolean canManage, int reminderHours, int sequence) {

    public Occurrence {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** Seats left; null for no limit. */
    public Integer seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - registeredCount);
    }

    public boolean registrationOpen(Instant now) {
        return !cancelled && now.isBefore(registrationClosesAt);
    }

    public boolean over(Instant now) {
        return !now.isBefore(end);
    }
}
