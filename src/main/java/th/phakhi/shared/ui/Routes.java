package th.phakhi.shared.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.shared.UserFacingException;

/** What every page with an id in its address does when it opens. */
public final class Routes {

    private Routes() {
    }

    /**
     * Runs {@code load} (it reads what the page shows, through the services); when the thing does not
     * exist or the user may not see it, shows the not-found page and returns false. Both look the
     * same on purpose: a members-only network of others must look exactly like one that does not exist.
     */
    public static boolean loadOrNotFound(BeforeEnterEvent event, Runnable load) {
        try {
            load.run();
            return true;
        } catch (AccessDeniedException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class);
            return false;
        }
    }
}
