package th.phakhi.chat.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.ChatService;
import th.phakhi.chat.Room;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.Tag;

/** The signed-in user's rooms with unread counts, and search across their messages. */
@Route("rooms")
@Menu(title = "menu.rooms", icon = "vaadin:chat", order = 2)
@PermitAll
class RoomsView extends Div implements HasDynamicTitle {

    private final ChatService chat;
    private final TextField search = new TextField();
    private final Div results = new Div();

    RoomsView(ChatService chat) {
        this.chat = chat;
        addClassName("page");
        setId("rooms");
        add(new H2(getTranslation("chat.title")));
        search.setPlaceholder(getTranslation("chat.search.placeholder"));
        search.setAriaLabel(getTranslation("chat.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("message-search");
        search.addValueChangeListener(e -> searchMessages());
        results.setId("search-results");
        add(search, results);

        List<Room> rooms = chat.myRooms();
        if (rooms.isEmpty()) {
            add(new Paragraph(getTranslation("chat.noRooms")));
        }
        Map<String, List<Room>> byNetwork = rooms.stream().collect(Collectors.groupingBy(
                r -> r.networkName(getLocale()), java.util.LinkedHashMap::new, Collectors.toList()));
        byNetwork.forEach((network, list) -> {
            add(new H3(network));
            Div cards = new Div();
            cards.addClassName("room-list");
            list.forEach(room -> cards.add(roomLink(room)));
            add(cards);
        });
    }

    private Anchor roomLink(Room room) {
        Span name = new Span(room.id().isNetworkRoom() ? getTranslation("chat.generalRoom") : room.name());
        name.addClassName("room-name");
        Anchor link = new Anchor("rooms/" + room.id().value(), name);
        link.addClassName("room-link");
        if (!room.writable()) {
            link.add(new Tag(getTranslation("chat.closed"), Tag.Tone.NEUTRAL));
        }
        if (room.unread() > 0) {
            Span badge = new Span(String.valueOf(room.unread()));
            badge.addClassName("unread-badge");
            badge.getElement().setAttribute("aria-label", getTranslation("chat.unread", room.unread()));
            link.add(badge);
        }
        return link;
    }

    private void searchMessages() {
        results.removeAll();
        if (search.getValue().isBlank()) {
            return;
        }
        List<ChatMessage> found = chat.search(search.getValue());
        if (found.isEmpty()) {
            results.add(new Paragraph(getTranslation("chat.search.none")));
            return;
        }
        for (ChatMessage m : found) {
            Span who = new Span(m.senderName() + " · " + DateFormats.dateTime(m.createdAt(), getLocale()));
            who.addClassName("card-meta");
            Span text = new Span(m.text());
            Anchor link = new Anchor("rooms/" + m.roomId().value() + "?seq=" + m.seq(), who, text);
            link.addClassNames("card", "search-hit");
            results.add(link);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chat.title");
    }
}
