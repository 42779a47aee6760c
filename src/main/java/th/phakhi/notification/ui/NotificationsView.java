package th.phakhi.notification.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import th.phakhi.notification.EmailDelivery;
import th.phakhi.notification.Notification;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Notices;
import th.phakhi.notification.NotificationService;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Messages;

/** The signed-in user's notifications, newest first; opening one marks it read and goes to its subject. */
@Route("notifications")
@PermitAll
class NotificationsView extends Div implements HasDynamicTitle {

    private final NotificationService notifications;
    private final Div list = new Div();

    private final LiveEvents live;
    private LiveEvents.Subscription subscription;

    NotificationsView(NotificationService notifications, LiveEvents live) {
        this.notifications = notifications;
        this.live = live;
        addClassName("page");
        setId("notifications");
        Button markAll = new Button(getTranslation("notifications.markAllRead"), click -> {
            notifications.markAllRead();
            refresh();
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.setId("mark-all-read");
        Div header = new Div(new H2(getTranslation("notifications.title")), markAll);
        header.addClassName("page-header");
        add(header);
        list.addClassName("notification-list");
        add(list);
        add(emailSettings());
        refresh();
    }

    /** Which kinds also come by e-mail: at once, in a daily digest, or never. Says so when e-mail is off. */
    private Details emailSettings() {
        Div content = new Div();
        content.setId("email-settings");
        if (!notifications.emailEnabled()) {
            Paragraph off = new Paragraph(getTranslation("notifications.email.off"));
            off.addClassName("muted");
            content.add(off);
        }
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        notifications.emailPreferences().forEach((kind, delivery) -> {
            Select<EmailDelivery> select = new Select<>();
            select.setLabel(getTranslation(kind.nameKey()));
            select.setItems(EmailDelivery.values());
            select.setItemLabelGenerator(d -> getTranslation(d.nameKey()));
            select.setValue(delivery);
            select.addValueChangeListener(e -> {
                if (e.isFromClient() && Actions.run(this, () -> notifications.setEmailPreference(kind, e.getValue()))) {
                    Notices.success(this, "notifications.email.saved");
                }
            });
            form.add(select);
        });
        content.add(form);
        Details details = new Details(getTranslation("notifications.email.title"), content);
        details.addClassName("email-settings");
        return details;
    }

    private void refresh() {
        list.removeAll();
        List<Notification> mine = notifications.mine(NotificationService.PAGE);
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("notifications.none")));
        }
        for (Notification n : mine) {
            Div card = new Div();
            card.addClassNames("card", "notification");
            if (!n.read()) {
                card.addClassName("unread");
            }
            Span text = new Span(Messages.render(this, n.messageKey(), n.params()));
            Span when = new Span(DateFormats.dateTime(n.createdAt(), getLocale()));
            when.addClassName("card-meta");
            card.add(text, when);
            Runnable open = () -> {
                notifications.markRead(n.id());
                if (n.link() != null) {
                    getUI().ifPresent(ui -> ui.navigate(n.link()));
                } else {
                    refresh();
                }
            };
            card.addClickListener(click -> open.run());
            // Reachable and openable from the keyboard too.
            card.getElement().setAttribute("tabindex", "0");
            card.getElement().setAttribute("role", "link");
            Shortcuts.addShortcutListener(card, open::run, Key.ENTER).listenOn(card);
            list.add(card);
        }
    }

    /** New notifications, and ones read on another device, show here at once. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        subscription = live.subscribe(NotificationService.topic(CurrentUser.require().accountId().value()),
                event -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title");
    }
}
