package th.phakhi.shared.i18n;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * Translates stored messages — a key and its parameters, as notifications, audit entries and
 * history keep them — in the reader's language. A parameter that starts with {@code #} is itself
 * a translation key ({@code #network.position.CHAIR}), so stored texts never freeze a language.
 */
public final class Messages {

    private Messages() {
    }

    public static String render(Component context, String key, List<String> params) {
        Object[] translated = params.stream()
                .map(p -> p != null && p.startsWith("#") ? context.getTranslation(p.substring(1)) : p)
                .toArray();
        return context.getTranslation(key, translated);
    }
}
