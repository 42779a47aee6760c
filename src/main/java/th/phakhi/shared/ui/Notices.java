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
    private static final String LIVE = Notices.class.getName() + ".live";
    private static final String BOTTOM = Notices.class.getName() + ".bottom";

    /**
     * A live notice (a new notification): already translated text; clicking it opens {@code link}.
     * At most {@link #MAX_LIVE_NOTICES} stay open per screen (see {@link #openAmong}).
     * Returns the notice opened.
     */
    public static Notification info(Component context, String text, String link) {
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
        openAmong(LIVE, MAX_LIVE_NOTICES, notification);
        return notification;
    }

    /**
     * Bottom notices replace each other: after a success, an error from a moment ago (say a wrong
     * check-in code now corrected) is stale and would only cover the screen of a phone.
     */
    private static void show(String text, NotificationVariant variant) {
        Notification notification = new Notification(text, 5000, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(variant);
        openAmong(BOTTOM, 1, notification);
    }

    /**
     * Opens a notice, keeping at most {@code max} of its kind open on the screen: the oldest goes.
     * A notice closes itself in the browser, which tells the server; but a browser asleep in the
     * background (or gone) never does, and closing from the server also waits for the browser's
     * "closed" event before the notice leaves the UI — so one over the limit is taken out at once.
     * Without this every notification of a long day piled up on such a screen and in the server's
     * memory (found by the 30-minute soak with screens).
     */
    private static void openAmong(String kind, int max, Notification notification) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            notification.open();
            return;
        }
        OpenNotices open = ComponentUtil.getData(ui, kind) instanceof OpenNotices o ? o : null;
        if (open == null) {
            open = new OpenNotices(new ArrayDeque<>());
            ComponentUtil.setData(ui, kind, open);
        }
        Deque<Notification> notices = open.notices();
        notices.removeIf(n -> !n.isOpened());
        while (notices.size() >= max) {
            Notification oldest = notices.removeFirst();
            oldest.close();
            oldest.getElement().removeFromParent();
        }
        notification.open();
        notices.addLast(notification);
    }

    /** The notices of one kind open on a screen, oldest first. */
    private record OpenNotices(Deque<Notification> notices) {
    }
}
