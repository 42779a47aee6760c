package th.phakhi.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.chat.ChatService;
import th.phakhi.chat.Room;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkService;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.i18n.DateFormats;

/** The first page after sign-in: a greeting and today's date, and later what is new in my networks. */
@Route("")
@Menu(title = "menu.home", icon = "vaadin:home", order = 0)
@PermitAll
class HomeView extends Div implements HasDynamicTitle {

    HomeView(AnnouncementService announcements, ChatService chat, NetworkService networks) {
        addClassName("page");
        setId("home");
        H2 greeting = new H2(getTranslation("home.greeting", CurrentUser.require().displayName()));
        Paragraph today = new Paragraph(getTranslation("home.today",
                DateFormats.longDate(LocalDate.now(DateFormats.THAILAND), getLocale())));
        today.addClassName("muted");
        add(greeting, today);

        // What needs the user: announcements awaiting their organization's acknowledgement, unread rooms.
        List<Announcement> awaiting = announcements.awaitingMyAcknowledgement();
        if (!awaiting.isEmpty()) {
            Div box = new Div(new H3(getTranslation("home.awaitingAck", awaiting.size())));
            box.setId("home-awaiting");
            box.addClassName("card-list");
            for (Announcement a : awaiting) {
                Div card = new Div();
                card.addClassNames("card", a.category() == Category.URGENT ? "urgent" : "card-highlight");
                Anchor title = new Anchor("announcements/" + a.id().value(), a.title());
                title.addClassName("card-title");
                Span meta = new Span(DateFormats.dateTime(a.publishAt(), getLocale()));
                meta.addClassName("card-meta");
                card.add(title, meta);
                box.add(card);
            }
            add(box);
        }
        List<Room> unread = chat.myRooms().stream().filter(r -> r.unread() > 0).toList();
        if (!unread.isEmpty()) {
            add(new H3(getTranslation("home.unreadRooms")));
            Div rooms = new Div();
            rooms.addClassName("room-list");
            for (Room room : unread) {
                Anchor link = new Anchor("rooms/" + room.id().value(), room.id().isNetworkRoom()
                        ? getTranslation("shell.menu.generalRoom", room.networkName(getLocale())) : room.name());
                link.addClassName("room-link");
                Span badge = new Span(String.valueOf(room.unread()));
                badge.addClassName("unread-badge");
                link.add(badge);
                rooms.add(link);
            }
            add(rooms);
        }
        List<Network> mine = networks.myNetworks();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("home.intro")), new Anchor("networks", getTranslation("home.findNetworks")));
        } else {
            add(new H3(getTranslation("networks.mine")));
            Div list = new Div();
            list.addClassName("room-list");
            mine.forEach(n -> {
                Anchor link = new Anchor("networks/" + n.id().value(), n.name(getLocale()));
                link.addClassName("room-link");
                list.add(link);
            });
            add(list);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
