package th.phakhi.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import th.phakhi.shared.i18n.Language;

/**
 * Date pickers in the reader's language and calendar: month and weekday names from the locale,
 * and in Thai the Buddhist Era — "2/12/2569" typed or shown, "ธันวาคม 2569" over the month —
 * while the value stays an ordinary {@code LocalDate}. (Vaadin's own formatting falls back to
 * ISO dates for th-TH, because the browser writes Thai dates in the Buddhist Era.)
 */
public final class DatePickers {

    /** Wraps the picker's formatter after Vaadin sets it, so every later language change keeps the era. */
    private static final String BUDDHIST_ERA = """
            const picker = this;
            window.Vaadin.Flow.datepickerConnector.initLazy(picker);
            const apply = () => {
              const i18n = Object.assign({}, picker.i18n);
              i18n.formatDate = (d) => `${d.day}/${d.month + 1}/${d.year + 543}`;
              i18n.parseDate = (text) => {
                const m = /^\\s*(\\d{1,2})[\\/.\\-](\\d{1,2})[\\/.\\-](\\d{2}|\\d{4})\\s*$/.exec(text || '');
                if (!m) { return undefined; }
                let year = parseInt(m[3], 10);
                if (year < 100) { year += 2500; }
                if (year > 2400) { year -= 543; }
                return { day: parseInt(m[1], 10), month: parseInt(m[2], 10) - 1, year: year };
              };
              i18n.formatTitle = (monthName, fullYear) => `${monthName} ${fullYear + 543}`;
              picker.i18n = i18n;
            };
            if (!picker.$connector.__buddhistEra) {
              const update = picker.$connector.updateI18n;
              picker.$connector.updateI18n = (locale, i18n) => { update(locale, i18n); apply(); };
              picker.$connector.__buddhistEra = true;
            }
            apply();
            """;

    private DatePickers() {
    }

    /** Names from the locale; in Thai also the Buddhist Era. Call once, after creating the picker. */
    public static DatePicker localize(DatePicker picker, Locale locale) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList());
        List<DayOfWeek> week = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        i18n.setWeekdays(week.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
        i18n.setWeekdaysShort(week.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        i18n.setToday(picker.getTranslation("datePicker.today"));
        i18n.setCancel(picker.getTranslation("action.cancel"));
        picker.setI18n(i18n);
        picker.setLocale(locale);
        if (Language.of(locale) == Language.TH) {
            picker.setPlaceholder(picker.getTranslation("datePicker.placeholder"));
            picker.addAttachListener(e -> picker.getElement().executeJs(BUDDHIST_ERA));
        }
        return picker;
    }
}
