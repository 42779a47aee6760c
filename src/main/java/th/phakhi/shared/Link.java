package th.phakhi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A web link someone typed (an announcement's links, a training's materials): only {@code http}
 * and {@code https} addresses, so a {@code javascript:} or {@code data:} link never reaches a page.
 */
public record Link(String label, String url) {

    public static final int MAX_URL = 500;
    public static final int MAX_LABEL = 100;
    private static final Pattern WEB = Pattern.compile("(?i)https?://\\S+");

    /** An optional web address: blank becomes null; anything but http(s) is refused with a translated message. */
    public static String url(String value) {
        String url = Validation.optional(value, MAX_URL);
        if (url != null && !WEB.matcher(url).matches()) {
            throw new UserFacingException("validation.link");
        }
        return url;
    }

    /** Checks a list of links: at most {@code max}, each with a web address; labels optional. */
    public static List<Link> checked(List<Link> links, int max) {
        if (links == null) {
            return new ArrayList<>();
        }
        if (links.size() > max) {
            throw new UserFacingException("validation.items", max, MAX_URL);
        }
        List<Link> clean = new ArrayList<>();
        for (Link link : links) {
            String url = url(link.url());
            if (url == null) {
                throw new UserFacingException("validation.required");
            }
            clean.add(new Link(Validation.optional(link.label(), MAX_LABEL), url));
        }
        return clean;
    }
}
