package th.phakhi.directory;

import java.util.Locale;
import th.phakhi.shared.i18n.Language;

/** One of Thailand's 77 provinces (76 and Bangkok), identified by its two-digit code. */
public record Province(String code, String nameTh, String nameEn, Region region) {

    public String name(Locale locale) {
        return Language.of(locale) == Language.TH ? nameTh : nameEn;
    }
}
