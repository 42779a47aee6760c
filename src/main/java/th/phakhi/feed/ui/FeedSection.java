package th.phakhi.feed.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.feed.FeedItem;
import th.phakhi.feed.FeedService;
import th.phakhi.network.NetworkDetails;
import th.phakhi.network.NetworkHomeSection;
import th.phakhi.network.NetworkId;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.ui.Actions;

/** The updates feed on a network's home page: post an update, see new ones arrive, page back. */
@org.springframework.stereotype.Component
class FeedSection implements NetworkHomeSection {

    private final FeedService feed;
    private final LiveEvents live;

    FeedSection(FeedService feed, LiveEvents live) {
        this.feed = feed;
        this.live = live;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<Component> create(NetworkDetails details) {
        if (!details.isMember()) {
            return Optional.empty();
        }
        return Optional.of(new FeedPanel(details.network().id()));
    }

    private final class FeedPanel extends Div {
        private final NetworkId network;
        private final Div items = new Div();
        private final Button older = new Button();
        private final Set<String> shown = new HashSet<>();
        private FeedItem oldest;
        private LiveEvents.Subscription subscription;

        FeedPanel(NetworkId network) {
            this.network = network;
            setId("feed");
            add(new H3(getTranslation("feed.title")));
            TextArea text = new TextArea();
            text.setPlaceholder(getTranslation("feed.placeholder"));
            text.setAriaLabel(getTranslation("feed.placeholder"));
            text.setMaxLength(FeedService.MAX_TEXT);
            text.setWidthFull();
            text.setId("feed-text");
            TextField url = new TextField();
            url.setPlaceholder(getTranslation("feed.link"));
            url.setAriaLabel(getTranslation("feed.link"));
            url.setWidthFull();
            url.setId("feed-link");
            Button post = new Button(getTranslation("feed.post"), e -> {
                if (Actions.run(this, () -> feed.post(network, text.getValue(), url.getValue()))) {
                    text.clear();
                    url.clear();
                }
            });
            post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            post.setId("feed-post");
            Div form = new Div(text, url, post);
            form.addClassName("feed-form");
            items.addClassName("feed-items");
            older.setText(getTranslation("feed.older"));
            older.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            older.addClickListener(e -> load());
            add(form, items, older);
            load();
            addAttachListener(attach -> {
                UI ui = attach.getUI();
                subscription = live.subscribe(AnnouncementService.topic(network), event -> {
                    if ("feed".equals(event.type())) {
                        ui.access(this::refreshNewest);
                    }
                });
            });
            addDetachListener(detach -> {
                if (subscription != null) {
                    subscription.close();
                    subscription = null;
                }
            });
        }

        private void load() {
            List<FeedItem> page = feed.items(network, oldest, FeedService.PAGE);
            page.stream().filter(i -> shown.add(i.id())).forEach(i -> items.add(card(i)));
            if (!page.isEmpty()) {
                oldest = page.getLast();
            }
            older.setVisible(page.size() == FeedService.PAGE);
        }

        /** New items go on top; what the reader already paged back to stays where it is. */
        private void refreshNewest() {
            List<FeedItem> fresh = feed.items(network, null, FeedService.PAGE).stream()
                    .filter(i -> !shown.contains(i.id())).toList();
            for (int i = fresh.size() - 1; i >= 0; i--) {
                shown.add(fresh.get(i).id());
                items.addComponentAsFirst(card(fresh.get(i)));
            }
            if (oldest == null && !fresh.isEmpty()) {
                oldest = fresh.getLast();
            }
        }

        private Div card(FeedItem item) {
            Div card = new Div();
            card.addClassNames("feed-item", item.kind() == FeedItem.Kind.POST ? "post" : "event");
            Span when = new Span(DateFormats.dateTime(item.at(), getLocale()));
            when.addClassName("card-meta");
            if (item.kind() == FeedItem.Kind.POST) {
                Span who = new Span(item.authorName() + " · " + item.organizationName());
                who.addClassName("feed-author");
                Span text = new Span(item.text());
                text.addClassName("pre-line");
                card.add(who, when, new Div(text));
                if (item.url() != null) {
                    Anchor link = new Anchor(item.url(), item.url());
                    link.setTarget("_blank");
                    link.getElement().setAttribute("rel", "nofollow noopener noreferrer");
                    card.add(new Div(link));
                }
            } else {
                String text = Messages.render(this, item.messageKey(), item.params());
                card.add(item.link() == null ? new Span(text) : new Anchor(item.link(), text), new Span(" "), when);
            }
            return card;
        }
    }
}
