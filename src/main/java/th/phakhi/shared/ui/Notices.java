package th.phakhi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import th.phakhi.shared.UserFacingException;

/** Short translated messages at the bottom of the screen. */
public final class Notices {

    private Notices() {
    }

    public static void success(Component context, String key, Object... params) {
        show(context.getTranslation(key, params), NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(Component context, String key, Object... params) {
        show(context.getTranslation(key, params), NotificationVariant.LUMO_ERROR);
    }

    public static void error(Component context, UserFacingException e) {
        error(context, e.messageKey(), e.params());
    }

    /**
     * A live notice (a new notification): already translated text; clicking it opens {@code link}.
     */
    public static void info(Component context, String text, String link) {
        Notification notification = new Notification();
        notification.setDuration(6000);
        notification.setPosition(Notification.Position.TOP_END);
        notification.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        com.vaadin.flow.component.html.Span body = new com.vaadin.flow.component.html.Span(text);
        body.addClassName("live-notice");
        notification.add(body);
        if (link != null) {
            body.addClickListener(e -> {
                notification.close();
                context.getUI().ifPresent(ui -> ui.navigate(link));
            });
        }
        notification.open();
    }

    /**
     * Bottom notices replace each other: after a success, an error from a moment ago (say a wrong
     * check-in code now corrected) is stale and would only cover the screen of a phone.
     */
    private static void show(String text, NotificationVariant variant) {
        UI ui = UI.getCurrent();
        if (ui != null && ComponentUtil.getData(ui, LastNotice.class) instanceof LastNotice(Notification previous)) {
            previous.close();
        }
        Notification notification = new Notification(text, 5000, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(variant);
        notification.open();
        if (ui != null) {
            ComponentUtil.setData(ui, LastNotice.class, new LastNotice(notification));
        }
    }

    private record LastNotice(Notification notification) {
    }
}
