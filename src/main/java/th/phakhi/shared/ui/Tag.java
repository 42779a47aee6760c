package th.phakhi.shared.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured label ("สมาชิก", "รอพิจารณา"); text is always plain text. */
public class Tag extends Span {

    public enum Tone {
        NEUTRAL, PRIMARY, SUCCESS, WARNING, ERROR
    }

    public Tag(String text, Tone tone) {
        super(text);
        addClassNames("tag", "tag-" + tone.name().toLowerCase());
    }
}
