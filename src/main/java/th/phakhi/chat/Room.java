package th.phakhi.chat;

import java.util.Locale;
import th.phakhi.shared.i18n.Language;

/** A room the signed-in user belongs to, with what they have not read yet. */
public record Room(RoomId id, String name, String networkName, String networkNameEn, boolean writable,
                   long lastSeq, long lastReadSeq) {

    public long unread() {
        return Math.max(0, lastSeq - lastReadSeq);
    }

    public String networkName(Locale locale) {
        return Language.of(locale) == Language.EN && networkNameEn != null ? networkNameEn : networkName;
    }
}
