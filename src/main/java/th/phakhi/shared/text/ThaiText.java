package th.phakhi.shared.text;

import com.ibm.icu.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Search over Thai (and English) text, shared by every module that searches.
 *
 * <p>Thai is written without spaces between words, and dictionary segmentation alone misses
 * words inside compounds ("ข่าวดี" is one ICU word, so "ข่าว" would not find it) and breaks
 * unknown words apart. So search works on the text itself:
 * <ol>
 *   <li>{@link #normalize} folds what should be equal (Unicode NFC, Latin case, the two ways of
 *       typing sara am, zero-width characters, runs of spaces) and keeps what must differ — tone
 *       marks stay, so "ข่าว" (news) never matches "ข้าว" (rice);</li>
 *   <li>at write time {@link #indexGrams} stores every overlapping character pair of the
 *       normalized text in a multikey array field (an index on real MongoDB);</li>
 *   <li>a query asks for documents holding all {@link #queryGrams} of each search term, and
 *       {@link #matches} then confirms each term really occurs in the text;</li>
 *   <li>{@link #score} ranks hits that line up with ICU word boundaries above mere substrings.</li>
 * </ol>
 */
public final class ThaiText {

    /** Shortest search term; a single character would match nearly everything. */
    public static final int MIN_TERM = 2;
    public static final int MAX_QUERY = 200;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF\\u00AD]");
    private static final Locale THAI = Locale.forLanguageTag("th-TH");

    private ThaiText() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        // sara am typed as nikhahit + sara aa (optionally with a tone mark between) -> U+0E33
        s = s.replaceAll("\\u0E4D([\\u0E48-\\u0E4B]?)\\u0E32", "$1\u0E33");
        s = s.toLowerCase(Locale.ROOT);
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** All overlapping character pairs of the normalized text, for the search index field. */
    public static List<String> indexGrams(String... texts) {
        Set<String> grams = new LinkedHashSet<>();
        for (String text : texts) {
            for (String word : SPACES.split(normalize(text))) {
                addGrams(word, grams);
            }
        }
        return new ArrayList<>(grams);
    }

    /** Search terms of a query: its space-separated parts, normalized, too-short ones dropped. */
    public static List<String> terms(String query) {
        String q = normalize(query == null ? "" : query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query);
        if (q.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(SPACES.split(q)).filter(t -> t.codePointCount(0, t.length()) >= MIN_TERM)
                .distinct().toList();
    }

    /** The grams every matching document must hold, for all terms together. */
    public static List<String> queryGrams(List<String> terms) {
        Set<String> grams = new LinkedHashSet<>();
        for (String term : terms) {
            addGrams(term, grams);
        }
        return new ArrayList<>(grams);
    }

    /** True when every term occurs in one of the texts (after normalization). */
    public static boolean matches(List<String> terms, String... texts) {
        if (terms.isEmpty()) {
            return false;
        }
        String haystack = normalizedJoin(texts);
        return terms.stream().allMatch(haystack::contains);
    }

    /**
     * Relevance of a confirmed hit: higher when a term is a whole word or the start of a word
     * (ICU's Thai dictionary boundaries), when it starts the text, and when the text is short.
     */
    public static double score(List<String> terms, String... texts) {
        String haystack = normalizedJoin(texts);
        if (haystack.isEmpty()) {
            return 0;
        }
        Set<Integer> boundaries = wordBoundaries(haystack);
        double score = 0;
        for (String term : terms) {
            int at = haystack.indexOf(term);
            double best = 0;
            while (at >= 0) {
                boolean starts = boundaries.contains(at);
                boolean ends = boundaries.contains(at + term.length());
                double s = starts && ends ? 3 : starts ? 2 : 1;
                if (at == 0) {
                    s += 1;
                }
                best = Math.max(best, s);
                at = haystack.indexOf(term, at + 1);
            }
            score += best;
        }
        return score + 1.0 / (1 + haystack.length() / 20.0);
    }

    /** Word boundaries (offsets) of ICU's Thai dictionary segmentation. */
    public static Set<Integer> wordBoundaries(String text) {
        BreakIterator words = BreakIterator.getWordInstance(THAI);
        words.setText(text);
        Set<Integer> boundaries = new java.util.HashSet<>();
        for (int b = words.first(); b != BreakIterator.DONE; b = words.next()) {
            boundaries.add(b);
        }
        return boundaries;
    }

    /** ICU's words of a text (letters and digits only), for display and tests. */
    public static List<String> words(String text) {
        String s = normalize(text);
        BreakIterator words = BreakIterator.getWordInstance(THAI);
        words.setText(s);
        List<String> result = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() != BreakIterator.WORD_NONE) {
                result.add(s.substring(start, end));
            }
        }
        return result;
    }

    private static String normalizedJoin(String... texts) {
        StringBuilder sb = new StringBuilder();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(normalize(text));
            }
        }
        return sb.toString();
    }

    private static void addGrams(String word, Set<String> grams) {
        int[] cps = word.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(word);
            return;
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
    }
}
