package th.phakhi.network;

import java.time.Instant;
import java.util.Locale;
import th.phakhi.shared.i18n.Language;

/** A network as lists show it. */
public record Network(NetworkId id, String nameTh, String nameEn, NetworkScope scope, String provinceCode,
                      String description, NetworkVisibility visibility, int memberCount, Instant createdAt) {

    public String name(Locale locale) {
        return Language.of(locale) == Language.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
    }
}
