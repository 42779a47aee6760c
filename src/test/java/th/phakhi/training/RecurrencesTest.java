package th.phakhi.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The repetitions of the form as RFC 5545 rules, expanded by ical4j (no Spring). */
class RecurrencesTest {

    private static final LocalTime HALF_PAST_ONE = LocalTime.of(13, 30);

    @Test
    void everyFirstWednesdayCrossesTheYearBoundary() {
        LocalDate first = LocalDate.of(2026, 12, 2);
        String rule = Recurrences.rule(Repeat.MONTHLY_BY_WEEKDAY, first, 4);
        assertThat(rule).isEqualTo("FREQ=MONTHLY;BYDAY=1WE;COUNT=4");
        assertThat(Recurrences.starts(rule, first.atTime(HALF_PAST_ONE))).containsExactly(
                LocalDateTime.of(2026, 12, 2, 13, 30), LocalDateTime.of(2027, 1, 6, 13, 30),
                LocalDateTime.of(2027, 2, 3, 13, 30), LocalDateTime.of(2027, 3, 3, 13, 30));
    }

    @Test
    void aFifthWeekdayMeansTheLastOfTheMonth() {
        LocalDate fifthThursday = LocalDate.of(2026, 12, 31);
        String rule = Recurrences.rule(Repeat.MONTHLY_BY_WEEKDAY, fifthThursday, 3);
        assertThat(rule).isEqualTo("FREQ=MONTHLY;BYDAY=-1TH;COUNT=3");
        assertThat(Recurrences.starts(rule, fifthThursday.atTime(HALF_PAST_ONE))).extracting(LocalDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 28), LocalDate.of(2027, 2, 25));
    }

    @Test
    void theThirtyFirstSkipsShortMonthsAsTheStandardSays() {
        LocalDate first = LocalDate.of(2027, 1, 31);
        String rule = Recurrences.rule(Repeat.MONTHLY_BY_DATE, first, 3);
        assertThat(Recurrences.starts(rule, first.atTime(HALF_PAST_ONE))).extracting(LocalDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31));
    }

    @Test
    void weeklyAndSingleEvents() {
        LocalDate first = LocalDate.of(2026, 12, 28);
        assertThat(Recurrences.starts(Recurrences.rule(Repeat.WEEKLY, first, 2), first.atTime(HALF_PAST_ONE)))
                .extracting(LocalDateTime::toLocalDate).containsExactly(first, LocalDate.of(2027, 1, 4));
        assertThat(Recurrences.rule(Repeat.NONE, first, 1)).isNull();
        assertThat(Recurrences.starts(null, first.atTime(HALF_PAST_ONE))).containsExactly(first.atTime(HALF_PAST_ONE));
    }

    @Test
    void endlessOrTooLongRulesAreRefused() {
        LocalDateTime first = LocalDateTime.of(2026, 12, 2, 13, 30);
        assertThatThrownBy(() -> Recurrences.starts("FREQ=DAILY", first)).hasMessageContaining("training.error.occurrences");
        assertThatThrownBy(() -> Recurrences.starts("FREQ=NONSENSE", first)).hasMessageContaining("training.error.rule");
    }
}
