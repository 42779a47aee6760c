package th.phakhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Language;

class DateFormatsTest {

    private final LocalDate date = LocalDate.of(2026, 11, 22);

    @Test
    void thaiDatesShowTheBuddhistEra() {
        assertThat(DateFormats.longDate(date, Language.TH.locale())).isEqualTo("22 พฤศจิกายน 2569");
        assertThat(DateFormats.date(date, Language.TH.locale())).isEqualTo("22 พ.ย. 2569");
        assertThat(DateFormats.displayYear(date, Language.TH.locale())).isEqualTo(2569);
    }

    @Test
    void englishDatesShowTheGregorianYear() {
        assertThat(DateFormats.longDate(date, Language.EN.locale())).isEqualTo("22 November 2026");
        assertThat(DateFormats.displayYear(date, Language.EN.locale())).isEqualTo(2026);
    }

    @Test
    void timesAreShownInThailandTime() {
        Instant utcMidnight = Instant.parse("2026-11-22T00:00:00Z");
        assertThat(DateFormats.dateTime(utcMidnight, Language.TH.locale())).isEqualTo("22 พ.ย. 2569 07:00");
    }

    @Test
    void buddhistEraYearChangesWithTheGregorianOne() {
        assertThat(DateFormats.date(LocalDate.of(2024, 1, 1), Language.TH.locale())).endsWith("2567");
    }
}
