package th.phakhi.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A friendly page for anything that went wrong while opening a page: what happened in plain
 * words, a reference the user can quote to support (the same id is in the server log with the
 * stack trace), and a way home. No stack trace or internal message reaches the browser.
 */
@AnonymousAllowed
class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} while opening {}", reference, event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        addClassName("error-page");
        add(new H2(getTranslation("error.title")),
                new Paragraph(getTranslation("error.message")),
                new Paragraph(getTranslation("error.reference", reference)),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
