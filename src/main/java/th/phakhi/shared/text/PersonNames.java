package th.phakhi.shared.text;

import java.util.List;

/** Helpers for people's names as Thai readers write them: a title joined to the first name. */
public final class PersonNames {

    /** Titles that precede a Thai name, longest first so "นางสาว" wins over "นาง". */
    private static final List<String> TITLES = List.of("ว่าที่ร้อยตรี", "นางสาว", "ศ.ดร.", "รศ.ดร.", "ผศ.ดร.", "นาย",
            "นาง", "น.ส.", "ดร.", "ศ.", "รศ.", "ผศ.", "Mr.", "Mrs.", "Ms.", "Dr.");

    private PersonNames() {
    }

    /** The name without its leading title: "นายสมศักดิ์ แก้วมณี" → "สมศักดิ์ แก้วมณี". */
    public static String withoutTitle(String name) {
        String s = name == null ? "" : name.strip();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String title : TITLES) {
                if (s.startsWith(title) && s.length() > title.length()) {
                    s = s.substring(title.length()).strip();
                    stripped = true;
                    break;
                }
            }
        }
        return s;
    }

    /** One letter for an avatar: the first letter of the first name (Thai) or of each name part (Latin). */
    public static String initials(String name) {
        String bare = withoutTitle(name);
        if (bare.isEmpty()) {
            return "?";
        }
        int first = bare.codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.THAI) {
            // Skip a leading vowel written before its consonant (เ แ โ ใ ไ) so "เกศินี" gives "ก".
            int i = 0;
            while (i < bare.length() && "เแโใไ".indexOf(bare.charAt(i)) >= 0) {
                i++;
            }
            return i < bare.length() ? String.valueOf(bare.charAt(i)) : bare.substring(0, 1);
        }
        String[] parts = bare.split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(2, parts.length); i++) {
            sb.appendCodePoint(parts[i].codePointAt(0));
        }
        return sb.toString().toUpperCase();
    }
}
