package th.phakhi.announcement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Optional;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.network.NetworkDetails;
import th.phakhi.network.NetworkHomeSection;

/** On a network's home page: pinned and recent announcements, urgent ones standing out. */
@org.springframework.stereotype.Component
class AnnouncementsSection implements NetworkHomeSection {

    private final AnnouncementService announcements;

    AnnouncementsSection(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(NetworkDetails details) {
        if (!details.isMember() && !details.isSecretariat()) {
            return Optional.empty();
        }
        Div section = new Div();
        section.setId("network-announcements");
        section.add(new H3(section.getTranslation("announcement.title")));
        List<Announcement> list = announcements.list(details.network().id(), false);
        List<Announcement> shown = list.stream().limit(4).toList();
        if (shown.isEmpty()) {
            section.add(new Paragraph(section.getTranslation("announcement.none")));
        }
        Div cards = new Div();
        cards.addClassName("card-list");
        shown.forEach(a -> cards.add(new AnnouncementCard(a)));
        section.add(cards);
        Anchor all = new Anchor("networks/" + details.network().id().value() + "/announcements",
                section.getTranslation(details.isSecretariat() ? "announcement.allAndPost" : "announcement.all", list.size()));
        all.addClassName("primary-link");
        all.setId("all-announcements");
        section.add(all);
        return Optional.of(section);
    }
}
