package th.phakhi.directory;

import java.util.Locale;
import th.phakhi.shared.i18n.Language;

/**
 * An organization as lists show it.
 *
 * @param code official code of the organization in the national LAO registry (unique)
 */
public record Organization(OrganizationId id, String code, OrganizationType type, String nameTh, String nameEn,
                           String provinceCode, String districtTh, String districtEn) {

    public String name(Locale locale) {
        return Language.of(locale) == Language.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
    }

    public String district(Locale locale) {
        return Language.of(locale) == Language.EN && districtEn != null && !districtEn.isBlank() ? districtEn : districtTh;
    }

    public Province province() {
        return Provinces.byCode(provinceCode).orElseThrow();
    }
}
