package th.phakhi.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import th.phakhi.chat.ChatService;
import th.phakhi.chat.Room;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.Notification;
import th.phakhi.notification.NotificationBell;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.ui.Notices;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountService;
import th.phakhi.security.CurrentUser;
import th.phakhi.security.PhakhiUser;
import th.phakhi.shared.text.PersonNames;
import th.phakhi.shared.ui.LanguageSwitch;

/**
 * The frame around every signed-in page: a header with the menu button (phones), the page title,
 * the language switch and the user menu; a drawer with the menu built from {@code @Menu} entries
 * (their titles are translation keys). On a phone the drawer slides over the page.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authenticationContext;
    private final AccountService accounts;
    private final NetworkService networks;
    private final NotificationBell bell;
    private final NotificationService notifications;
    private final Span viewTitle = new Span();
    private final SideNav myNetworks = new SideNav();
    private final SideNav myRooms = new SideNav();
    private final ChatService chat;
    private final LiveEvents live;
    private LiveEvents.Subscription notificationSubscription;

    MainLayout(AuthenticationContext authenticationContext, AccountService accounts, NetworkService networks,
               NotificationService notifications, ChatService chat, LiveEvents live) {
        this.chat = chat;
        this.live = live;
        this.authenticationContext = authenticationContext;
        this.accounts = accounts;
        this.networks = networks;
        this.notifications = notifications;
        this.bell = new NotificationBell(notifications);
        setPrimarySection(Section.DRAWER);
        addToNavbar(header());
        myNetworks.setLabel(getTranslation("shell.menu.myNetworks"));
        myNetworks.setCollapsible(true);
        myNetworks.setId("menu-my-networks");
        myRooms.setLabel(getTranslation("shell.menu.myRooms"));
        myRooms.setCollapsible(true);
        myRooms.setId("menu-my-rooms");
        Div nav = new Div(menu(), myRooms, myNetworks);
        nav.addClassName("drawer-nav");
        addToDrawer(brand(), new Scroller(nav));
    }

    private Component header() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu.toggle"));
        viewTitle.addClassName("view-title");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        Div header = new Div(toggle, viewTitle, spacer, bell, new LanguageSwitch(accounts::changeLanguage), userMenu());
        header.addClassName("app-header");
        return header;
    }

    private Component brand() {
        Image logo = new Image("icons/phakhi.svg", "");
        logo.addClassName("brand-logo");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(getTranslation(entry.title()), entry.path())
                    : new SideNavItem(getTranslation(entry.title()), entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    private Component userMenu() {
        PhakhiUser user = CurrentUser.require();
        Avatar avatar = new Avatar(user.displayName());
        avatar.setAbbreviation(PersonNames.initials(user.displayName()));
        avatar.addClassName("user-avatar");
        Span name = new Span(user.displayName());
        name.addClassName("user-name");
        Div trigger = new Div(avatar, name);
        trigger.addClassName("user-trigger");

        MenuBar menuBar = new MenuBar();
        menuBar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menuBar.setId("user-menu");
        MenuItem root = menuBar.addItem(trigger);
        root.getElement().setAttribute("aria-label", getTranslation("shell.user.menu"));
        root.getSubMenu().addItem(new Span(getTranslation("shell.user.signedInAs", user.getUsername())))
                .setEnabled(false);
        root.getSubMenu().addItem(itemWithIcon(VaadinIcon.USER_CARD, "shell.myEntry"),
                click -> getUI().ifPresent(ui -> ui.navigate("me"))).setId("my-entry-menu");
        root.getSubMenu().addItem(itemWithIcon(VaadinIcon.ACADEMY_CAP, "shell.myLearning"),
                click -> getUI().ifPresent(ui -> ui.navigate("me/learning"))).setId("my-learning-menu");
        root.getSubMenu().addItem(itemWithIcon(VaadinIcon.KEY_O, "shell.tokens"),
                click -> getUI().ifPresent(ui -> ui.navigate("tokens")));
        MenuItem logout = root.getSubMenu().addItem(itemWithIcon(VaadinIcon.SIGN_OUT, "shell.logout"),
                click -> authenticationContext.logout());
        logout.setId("logout");
        return menuBar;
    }

    private Component itemWithIcon(VaadinIcon icon, String key) {
        Div item = new Div(icon.create(), new Span(getTranslation(key)));
        item.addClassName("menu-item-with-icon");
        return item;
    }

    /** The user's networks under the main menu: one tap from anywhere to each network. */
    private void refreshMyNetworks() {
        myNetworks.removeAll();
        for (Network network : networks.myNetworks()) {
            myNetworks.addItem(new SideNavItem(network.name(getLocale()), "networks/" + network.id().value(),
                    VaadinIcon.CONNECT_O.create()));
        }
        myNetworks.setVisible(myNetworks.getItems().size() > 0);
    }

    /** Notifications arrive live: the bell counts up and a short toast says what happened. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        com.vaadin.flow.component.UI ui = attachEvent.getUI();
        String account = CurrentUser.require().accountId().value();
        notificationSubscription = live.subscribe(NotificationService.topic(account), event -> ui.access(() -> {
            bell.refresh();
            if (!NotificationService.NOTIFICATION.equals(event.type())) {
                return;
            }
            // Published on this node the event carries the notification; from another node only its id.
            Optional<Notification> arrived = event.payload() instanceof Notification n ? Optional.of(n)
                    : notifications.mine(event.subject());
            arrived.ifPresent(n -> Notices.info(this, Messages.render(this, n.messageKey(), n.params()), n.link()));
        }));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (notificationSubscription != null) {
            notificationSubscription.close();
            notificationSubscription = null;
        }
        super.onDetach(detachEvent);
    }

    /** The user's chat rooms with their unread counts. */
    private void refreshMyRooms() {
        myRooms.removeAll();
        for (Room room : chat.myRooms()) {
            SideNavItem item = new SideNavItem(room.id().isNetworkRoom()
                    ? getTranslation("shell.menu.generalRoom", room.networkName(getLocale())) : room.name(),
                    "rooms/" + room.id().value(), VaadinIcon.CHAT.create());
            if (room.unread() > 0) {
                Span badge = new Span(room.unread() > 99 ? "99+" : String.valueOf(room.unread()));
                badge.addClassName("unread-badge");
                badge.getElement().setAttribute("aria-label", getTranslation("chat.unread", room.unread()));
                item.setSuffixComponent(badge);
            }
            myRooms.addItem(item);
        }
        myRooms.setVisible(myRooms.getItems().size() > 0);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshMyRooms();
        refreshMyNetworks();
        bell.refresh();
        viewTitle.setText(getContent() instanceof HasDynamicTitle titled ? titled.getPageTitle() : getTranslation("app.name"));
    }
}
