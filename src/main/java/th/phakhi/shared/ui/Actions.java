package th.phakhi.shared.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.shared.UserFacingException;

/**
 * Runs a service call from a view and turns a refusal into a translated message, so a view never
 * shows a stack trace and never loses what the user typed (the dialog or form stays open).
 */
public final class Actions {

    private static final Logger log = LoggerFactory.getLogger(Actions.class);

    private Actions() {
    }

    /** Runs the action; true when it succeeded, false when a message was shown instead. */
    public static boolean run(Component context, Runnable action) {
        return call(context, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    public static <T> Optional<T> call(Component context, Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (UserFacingException e) {
            Notices.error(context, e);
        } catch (AccessDeniedException e) {
            Notices.error(context, "error.accessDenied");
        } catch (DataAccessResourceFailureException e) {
            log.warn("Database not answering: {}", e.getMessage());
            Notices.error(context, "error.databaseUnavailable");
        } catch (RuntimeException e) {
            log.error("Action failed", e);
            Notices.error(context, "error.unexpected");
        }
        return Optional.empty();
    }
}
