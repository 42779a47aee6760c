package th.phakhi.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks of free text shared by every service: each failure is a {@link UserFacingException}
 * with a translated message, and values come back stripped. Text is stored as typed — HTML and
 * script included — and always shown as text, never interpreted.
 */
public final class Validation {

    private Validation() {
    }

    /** A required value of at most {@code max} characters. */
    public static String required(String value, int max) {
        if (value == null || value.isBlank()) {
            throw new UserFacingException("validation.required");
        }
        return limited(value.strip(), max);
    }

    /** An optional value of at most {@code max} characters; blank becomes null. */
    public static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limited(value.strip(), max);
    }

    /** A list of non-blank, distinct items: at most {@code maxItems}, each at most {@code maxLength}. */
    public static List<String> items(List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return new ArrayList<>();
        }
        List<String> clean = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        if (clean.size() > maxItems || clean.stream().anyMatch(v -> v.length() > maxLength)) {
            throw new UserFacingException("validation.items", maxItems, maxLength);
        }
        return new ArrayList<>(clean);
    }

    private static String limited(String value, int max) {
        if (value.length() > max) {
            throw new UserFacingException("validation.tooLong", max);
        }
        return value;
    }
}
