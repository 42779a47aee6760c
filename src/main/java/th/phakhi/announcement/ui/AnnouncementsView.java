package th.phakhi.announcement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;

import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Notices;
import th.phakhi.shared.ui.Routes;
import th.phakhi.workinggroup.WorkingGroupService;

/** All announcements of a network; the secretariat writes new ones here. */
@Route("networks/:networkId/announcements")
@PermitAll
class AnnouncementsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AnnouncementService announcements;
    private final NetworkService networks;
    private final NetworkAccess networkAccess;
    private final WorkingGroupService groups;
    private final Div list = new Div();
    private final Checkbox expired = new Checkbox();
    private Network network;

    AnnouncementsView(AnnouncementService announcements, NetworkService networks, NetworkAccess networkAccess,
                      WorkingGroupService groups) {
        this.announcements = announcements;
        this.networks = networks;
        this.networkAccess = networkAccess;
        this.groups = groups;
        addClassName("page");
        setId("announcements");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NetworkId id = new NetworkId(event.getRouteParameters().get("networkId").orElse(""));
        if (Routes.loadOrNotFound(event, () -> {
            network = networks.find(id);
            announcements.list(id, false);
        })) {
            render();
        }
    }

    private void render() {
        removeAll();
        Anchor back = new Anchor("networks/" + network.id().value(), network.name(getLocale()));
        back.addClassName("back-link");
        Div header = new Div(new H2(getTranslation("announcement.title")));
        header.addClassName("page-header");
        if (networkAccess.isSecretariat(network.id())) {
            Button compose = new Button(getTranslation("announcement.compose"), VaadinIcon.MEGAPHONE.create(),
                    e -> openCompose());
            compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            compose.setId("compose-announcement");
            header.add(compose);
        }
        expired.setLabel(getTranslation("announcement.showExpired"));
        expired.addValueChangeListener(e -> refresh());
        list.addClassName("card-list");
        list.setId("announcement-list");
        add(back, header, expired, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<Announcement> all = announcements.list(network.id(), expired.getValue());
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("announcement.none")));
        }
        all.forEach(a -> list.add(new AnnouncementCard(a)));
    }

    private void openCompose() {
        new ComposeDialog(null, groups.groupsOf(network.id()), form -> Actions.call(this,
                () -> announcements.post(network.id(), form)).map(id -> {
                    Notices.success(this, "announcement.posted");
                    getUI().ifPresent(ui -> ui.navigate("announcements/" + id.value()));
                    return true;
                }).orElse(false)).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("announcement.title");
    }
}
