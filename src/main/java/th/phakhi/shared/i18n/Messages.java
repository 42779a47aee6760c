package th.phakhi.shared.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates stored messages — a key and its parameters, as notifications, audit entries and
 * history keep them — in the reader's language. A parameter that starts with {@code #} is itself
 * a translation key ({@code #network.position.CHAIR}), and one made by {@link #when(Instant)} is a
 * moment shown in the reader's calendar (Buddhist Era in Thai), so stored texts never freeze a
 * language.
 */
public final class Messages {

    private static final String WHEN = "@when:";

    private Messages() {
    }

    /** A parameter for a moment, formatted when the message is read. */
    public static String when(Instant instant) {
        return WHEN + instant;
    }

    public static String render(Component context, String key, List<String> params) {
        Locale locale = context.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale)
                .orElse(Language.DEFAULT.locale());
        return render(key, params, locale);
    }

    public static String render(String key, List<String> params, Locale locale) {
        Object[] translated = (params == null ? List.<String>of() : params).stream().map(p -> param(p, locale)).toArray();
        return TranslationProvider.translate(key, locale, translated);
    }

    private static String param(String p, Locale locale) {
        if (p == null) {
            return "";
        }
        if (p.startsWith("#")) {
            return TranslationProvider.translate(p.substring(1), locale);
        }
        if (p.startsWith(WHEN)) {
            try {
                return DateFormats.dateTime(Instant.parse(p.substring(WHEN.length())), locale);
            } catch (DateTimeParseException e) {
                return p;
            }
        }
        return p;
    }
}
