package th.phakhi.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.TranslationProvider;
import th.phakhi.shared.ui.Tag;
import th.phakhi.training.Occurrence;
import th.phakhi.training.RegistrationStatus;

/**
 * An occurrence in a list: a date block (weekday, day, month), the topic as a link, time and
 * place, and the reader's standing or how many seats are left.
 */
class OccurrenceCard extends Div {

    private final Div body = new Div();

    OccurrenceCard(Occurrence o, Locale locale, Instant now, boolean showNetwork) {
        addClassNames("card", "occurrence-card");
        if (o.cancelled()) {
            addClassName("cancelled");
        }
        ZonedDateTime start = o.start().atZone(DateFormats.THAILAND);
        Div date = new Div(new Span(DateFormats.format(start, "EEE", locale)), new Span(String.valueOf(start.getDayOfMonth())),
                new Span(DateFormats.format(start, "MMM", locale)));
        date.addClassName("date-block");
        body.addClassName("occurrence-body");
        Anchor title = new Anchor("trainings/" + o.id().value(), o.topic());
        title.addClassName("card-title");
        Span when = new Span(DateFormats.time(o.start(), locale) + "–" + DateFormats.time(o.end(), locale)
                + " · " + where(o, locale));
        when.addClassName("card-meta");
        body.add(tags(o, locale, now), title, when);
        if (showNetwork) {
            Span network = new Span(o.networkName());
            network.addClassName("card-meta");
            body.add(network);
        }
        add(date, body);
    }

    /** Extra lines under the card's text (a certificate link, a "missed" tag), not beside the date. */
    void addBelow(Component... components) {
        body.add(components);
    }

    static String where(Occurrence o, Locale locale) {
        if (o.venue() != null) {
            return o.venue();
        }
        return o.onlineUrl() != null ? TranslationProvider.translate("training.online", locale) : "";
    }

    static Div tags(Occurrence o, Locale locale, Instant now) {
        Div tags = new Div();
        tags.addClassName("card-tags");
        tags.add(new Tag(TranslationProvider.translate(o.type().nameKey(), locale), Tag.Tone.PRIMARY));
        if (o.cancelled()) {
            tags.add(new Tag(TranslationProvider.translate("training.cancelled", locale), Tag.Tone.ERROR));
            return tags;
        }
        if (o.moved()) {
            tags.add(new Tag(TranslationProvider.translate("training.moved", locale), Tag.Tone.WARNING));
        }
        switch (o.myStatus()) {
            case REGISTERED -> tags.add(new Tag(TranslationProvider.translate(RegistrationStatus.REGISTERED.nameKey(), locale), Tag.Tone.SUCCESS));
            case ATTENDED -> tags.add(new Tag(TranslationProvider.translate(RegistrationStatus.ATTENDED.nameKey(), locale), Tag.Tone.SUCCESS));
            case WAITING -> tags.add(new Tag(TranslationProvider.translate("training.waitingPosition", locale, o.waitingPosition()),
                    Tag.Tone.WARNING));
            case NONE -> {
                if (!o.registrationOpen(now)) {
                    tags.add(new Tag(TranslationProvider.translate("training.registrationClosed", locale), Tag.Tone.NEUTRAL));
                } else if (o.seatsLeft() != null && o.seatsLeft() == 0) {
                    tags.add(new Tag(TranslationProvider.translate("training.full", locale), Tag.Tone.WARNING));
                } else if (o.seatsLeft() != null) {
                    tags.add(new Tag(TranslationProvider.translate("training.seatsLeft", locale, o.seatsLeft()), Tag.Tone.NEUTRAL));
                }
            }
        }
        return tags;
    }
}
