package th.phakhi.training;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Recur;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.UserFacingException;

/**
 * RFC 5545 recurrence rules for the repetitions offered in the form, expanded with ical4j in
 * Thailand's time zone — no date arithmetic of our own.
 */
public final class Recurrences {

    /** The most occurrences one series may have. */
    public static final int MAX_OCCURRENCES = 60;

    private Recurrences() {
    }

    /** The RRULE for a repetition starting on {@code first}, or null for a single event. */
    public static String rule(Repeat repeat, LocalDate first, int count) {
        String weekday = first.getDayOfWeek().name().substring(0, 2);
        return switch (repeat) {
            case NONE -> null;
            case WEEKLY -> "FREQ=WEEKLY;COUNT=" + count;
            case MONTHLY_BY_WEEKDAY -> "FREQ=MONTHLY;BYDAY=" + weekOfMonth(first) + weekday + ";COUNT=" + count;
            case MONTHLY_BY_DATE -> "FREQ=MONTHLY;BYMONTHDAY=" + first.getDayOfMonth() + ";COUNT=" + count;
        };
    }

    /** 1–4 for the first to fourth such weekday of its month; -1 for a fifth (then it means "the last"). */
    static int weekOfMonth(LocalDate date) {
        int n = (date.getDayOfMonth() - 1) / 7 + 1;
        return n == 5 ? -1 : n;
    }

    /** The start of every occurrence, in order: the first start, then what the rule adds (at most {@link #MAX_OCCURRENCES}). */
    public static List<LocalDateTime> starts(String rule, LocalDateTime first) {
        if (rule == null) {
            return List.of(first);
        }
        ZonedDateTime seed = first.atZone(DateFormats.THAILAND);
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rule);
        } catch (RuntimeException e) {
            throw new UserFacingException("training.error.rule");
        }
        List<ZonedDateTime> dates = recur.getDates(seed, seed, seed.plusYears(10), MAX_OCCURRENCES + 1);
        if (dates.size() > MAX_OCCURRENCES) {
            throw new UserFacingException("training.error.occurrences", MAX_OCCURRENCES);
        }
        return dates.stream().map(ZonedDateTime::toLocalDateTime).distinct().sorted().toList();
    }
}
