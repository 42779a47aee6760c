package th.phakhi.notification;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The bell in the header: unread count, opens the notification list. */
public class NotificationBell extends Composite<Button> {

    private final NotificationService notifications;
    private final Span badge = new Span();

    public NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    protected Button initContent() {
        Button button = new Button(VaadinIcon.BELL_O.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setId("notification-bell");
        button.addClassName("bell");
        badge.addClassName("bell-badge");
        badge.setId("notification-count");
        button.getElement().appendChild(badge.getElement());
        button.addClickListener(click -> button.getUI().ifPresent(ui -> ui.navigate("notifications")));
        return button;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    /** Reads the unread count again. */
    public void refresh() {
        long unread = notifications.unreadCount();
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        getContent().setAriaLabel(getTranslation("notifications.bell", unread));
    }
}
