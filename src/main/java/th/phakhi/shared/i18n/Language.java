package th.phakhi.shared.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages Phakhi speaks. Thai is the default; English is the second language. */
public enum Language {
    TH(Locale.forLanguageTag("th-TH")),
    EN(Locale.forLanguageTag("en-GB"));

    public static final Language DEFAULT = TH;

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** Short code stored in accounts and cookies: {@code th} or {@code en}. */
    public String code() {
        return locale.getLanguage();
    }

    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : TH;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
