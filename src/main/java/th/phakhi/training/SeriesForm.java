package th.phakhi.training;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import th.phakhi.shared.Link;

/**
 * What the secretariat fills in to schedule an event or a series. Dates and times are in Thailand
 * (Asia/Bangkok). When a series is edited, the date fields and the repetition are ignored: single
 * occurrences are moved or cancelled one by one.
 *
 * @param capacity              seats per occurrence; null for no limit
 * @param occurrences           how many times a repeating series takes place (1 for a single event)
 * @param registrationCloseHours registration closes this many hours before each start (0: at the start)
 * @param reminderHours         registered people are reminded this many hours before (0: no reminder)
 */
public record SeriesForm(EventType type, String topic, String agenda, List<String> speakers, String venue,
                         String address, String mapUrl, String onlineUrl, Integer capacity, LocalDate firstDate,
                         LocalTime startTime, LocalTime endTime, Repeat repeat, Integer occurrences,
                         Integer registrationCloseHours, Integer reminderHours, List<Link> materials) {

    public SeriesForm {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
