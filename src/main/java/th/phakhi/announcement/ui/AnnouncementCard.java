package th.phakhi.announcement.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.Category;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.Tag;

/** An announcement in a list: category, pin, title (a link), date, and whether it awaits acknowledgement. */
class AnnouncementCard extends Div {

    AnnouncementCard(Announcement a) {
        addClassNames("card", "announcement-card");
        if (a.category() == Category.URGENT) {
            addClassName("urgent");
        }
        Div tags = new Div();
        tags.addClassName("card-tags");
        tags.add(new Tag(getTranslation(a.category().nameKey()), a.category() == Category.URGENT ? Tag.Tone.ERROR
                : Tag.Tone.PRIMARY));
        if (a.pinned()) {
            Tag pinned = new Tag(getTranslation("announcement.pinned"), Tag.Tone.NEUTRAL);
            pinned.addComponentAsFirst(VaadinIcon.PIN.create());
            tags.add(pinned);
        }
        if (!a.published()) {
            tags.add(new Tag(getTranslation("announcement.scheduledFor", DateFormats.dateTime(a.publishAt(), getLocale())),
                    Tag.Tone.WARNING));
        }
        if (a.acknowledgementRequired()) {
            tags.add(a.acknowledgedByMyOrganization()
                    ? new Tag(getTranslation("announcement.acknowledged"), Tag.Tone.SUCCESS)
                    : new Tag(getTranslation("announcement.ackRequired"), Tag.Tone.WARNING));
        }
        if (a.isPublic()) {
            tags.add(new Tag(getTranslation("announcement.public"), Tag.Tone.NEUTRAL));
        }
        Anchor title = new Anchor("announcements/" + a.id().value(), a.title());
        title.addClassName("card-title");
        Span meta = new Span(a.authorName() + " · " + DateFormats.dateTime(a.publishAt(), getLocale()));
        meta.addClassName("card-meta");
        add(tags, title, meta);
    }
}
