package th.phakhi.shared.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates as Thai users read them: in Thai the Buddhist Era (22 พ.ย. 2569), in English the
 * Gregorian year (22 Nov 2026). All times are shown in Thailand's time zone.
 */
public final class DateFormats {

    public static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private DateFormats() {
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : formatter("d MMM yyyy", locale).format(date);
    }

    public static String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(instant.atZone(THAILAND).toLocalDate(), locale);
    }

    public static String longDate(LocalDate date, Locale locale) {
        return date == null ? "" : formatter("d MMMM yyyy", locale).format(date);
    }

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : formatter("d MMM yyyy HH:mm", locale).format(instant.atZone(THAILAND));
    }

    public static String dateTime(LocalDateTime dateTime, Locale locale) {
        return dateTime == null ? "" : formatter("d MMM yyyy HH:mm", locale).format(dateTime.atZone(THAILAND));
    }

    public static String time(Instant instant, Locale locale) {
        return instant == null ? "" : formatter("HH:mm", locale).format(instant.atZone(THAILAND));
    }

    /** The year a Thai reader expects: Buddhist Era in Thai (2569), Gregorian in English (2026). */
    public static int displayYear(LocalDate date, Locale locale) {
        return Language.of(locale) == Language.TH ? date.getYear() + 543 : date.getYear();
    }

    public static String format(TemporalAccessor temporal, String pattern, Locale locale) {
        return formatter(pattern, locale).format(temporal);
    }

    private static DateTimeFormatter formatter(String pattern, Locale locale) {
        Language language = Language.of(locale);
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, language.locale());
        return language == Language.TH ? formatter.withChronology(ThaiBuddhistChronology.INSTANCE) : formatter;
    }
}
