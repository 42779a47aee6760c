package th.phakhi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.ArrayDeque;
import java.util.Deque;
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

    /** Live notices a screen shows at once at most; an older one closes when another arrives. */
    public static final int MAX_LIVE_NOTICES = 3;

    /**
     * A live notice (a new notification): already translated text; clicking it opens {@code link}.
     * At most {@link #MAX_LIVE_NOTICES} stay open per screen: a notice closes itself in the browser
     * after six seconds and the browser tells the server, but a browser that sleeps in the background
     * (or has gone) never does — without the cap, every notification of a long day would pile up on
     * the screen and in the server's memory (the 30-minute soak with screens found it).
     * Returns the notice opened.
     */
    public static Notification info(Component context, String text, String link) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            LiveNotices open = ComponentUtil.getData(ui, LiveNotices.class);
            if (open == null) {
                open = new LiveNotices(new ArrayDeque<>());
                ComponentUtil.setData(ui, LiveNotices.class, open);
            }
            open.notices().removeIf(n -> !n.isOpened());
            while (open.notices().size() >= MAX_LIVE_NOTICES) {
                // Closing alone waits for the browser's "closed" event to take it out of the UI;
                // a browser that never sends one would keep it here, so it goes at once.
                Notification oldest = open.notices().removeFirst();
                oldest.close();
                oldest.getElement().removeFromParent();
            }
        }
        Notification notification = new Notification();
        notification.setDuration(6000);
        notification.setPosition(Notification.Position.TOP_END);
        notification.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        Span body = new Span(text);
        body.addClassName("live-notice");
        notification.add(body);
        if (link != null) {
            body.addClickListener(e -> {
                notification.close();
                context.getUI().ifPresent(current -> current.navigate(link));
            });
        }
        notification.open();
        if (ui != null) {
            ComponentUtil.getData(ui, LiveNotices.class).notices().addLast(notification);
        }
        return notification;
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

    private record LiveNotices(Deque<Notification> notices) {
    }
}
