package th.phakhi.shared.text;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The Markdown subset of chat and announcements — bold, italic, links, bullet and numbered lists — rendered on the
 * server and sanitized, so no client ever interprets what a user typed:
 * <ul>
 *   <li>headings, quotes, code blocks, tables and raw HTML are not Markdown here (raw HTML is
 *       escaped by the renderer);</li>
 *   <li>the output passes jsoup's allow-list: only {@code p br strong em a ul ol li}, links only
 *       to http, https and mailto, opened in a new tab without the opener or a referrer;</li>
 *   <li>bidirectional override characters are removed, so a name or link cannot be shown
 *       reversed ("Trojan source").</li>
 * </ul>
 */
public final class Markdown {

    /** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
    public static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    /** Lists are the only block type besides paragraphs; everything else stays plain text. */
    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of(ListBlock.class)).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "strong", "em", "ul", "ol", "li", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private Markdown() {
    }

    /** Removes characters that would reorder what readers see. */
    public static String clean(String text) {
        return text == null ? null : BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(clean(markdown)));
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, output);
    }
}
