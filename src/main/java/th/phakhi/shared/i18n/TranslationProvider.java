package th.phakhi.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from {@code vaadin-i18n/translations.properties} (English) and
 * {@code translations_th.properties} (Thai). Parameters use {@link MessageFormat} syntax.
 * A missing key shows as {@code !key} and is logged, so it is visible rather than silent;
 * {@code TranslationBundlesTest} fails the build on a key missing in either language.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final String BUNDLE = "vaadin-i18n/translations";
    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return translate(key, locale, params);
    }

    /** Static access for code outside a Vaadin component (mail, exports, services). */
    public static String translate(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Language language = Language.of(locale);
        ResourceBundle bundle = bundle(language);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation key '{}' for {}", key, language);
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, language.locale()).format(params);
    }

    public static boolean hasKey(String key) {
        return bundle(Language.EN).containsKey(key);
    }

    private static ResourceBundle bundle(Language language) {
        Locale bundleLocale = language == Language.TH ? Locale.forLanguageTag("th") : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, bundleLocale, NO_FALLBACK);
    }
}
