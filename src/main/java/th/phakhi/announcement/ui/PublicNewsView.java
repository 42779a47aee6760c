package th.phakhi.announcement.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.network.NetworkId;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.LanguageSwitch;

/**
 * A network's public news, for anyone without signing in: only announcements the secretariat
 * marked public — nothing else of the network. With an Atom feed for news readers.
 */
@Route(value = "news/:networkId", autoLayout = false)
@AnonymousAllowed
class PublicNewsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AnnouncementService announcements;
    private String title;

    PublicNewsView(AnnouncementService announcements) {
        this.announcements = announcements;
        addClassNames("page", "public-news");
        setId("public-news");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NetworkId id = new NetworkId(event.getRouteParameters().get("networkId").orElse(""));
        Optional<AnnouncementService.PublicNews> news = announcements.publicNews(id);
        if (news.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        AnnouncementService.PublicNews n = news.get();
        title = getTranslation("news.title", n.nameTh());
        removeAll();
        Div top = new Div(new LanguageSwitch(null));
        top.addClassName("login-top");
        H1 heading = new H1(getTranslation("news.heading"));
        Paragraph network = new Paragraph(n.nameTh() + (n.nameEn() == null ? "" : " · " + n.nameEn()));
        network.addClassName("muted");
        Anchor feed = new Anchor("news/" + id.value() + "/feed.atom", getTranslation("news.feed"));
        feed.setRouterIgnore(true);
        add(top, heading, network, feed);
        if (n.items().isEmpty()) {
            add(new Paragraph(getTranslation("news.none")));
        }
        n.items().forEach(a -> {
            Div item = new Div();
            item.addClassNames("card", "news-item");
            item.setId("news-" + a.id().value());
            Span when = new Span(DateFormats.longDate(a.publishAt().atZone(DateFormats.THAILAND).toLocalDate(), getLocale()));
            when.addClassName("card-meta");
            item.add(new H2(a.title()), when, new Html("<div class=\"announcement-body\">" + a.html() + "</div>"));
            add(item);
        });
    }

    @Override
    public String getPageTitle() {
        return title == null ? getTranslation("news.heading") : title;
    }
}
