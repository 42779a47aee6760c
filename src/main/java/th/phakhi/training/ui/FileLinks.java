package th.phakhi.training.ui;

import com.vaadin.flow.component.html.Anchor;
import th.phakhi.training.OccurrenceId;

/** Links to an occurrence's files (served by {@code TrainingFilesController}), downloaded, not routed. */
final class FileLinks {

    static final String CALENDAR = "event.ics";
    static final String ROSTER = "roster.csv";
    static final String CERTIFICATE = "certificate.pdf";

    private FileLinks() {
    }

    static Anchor download(OccurrenceId occurrence, String file, String text) {
        Anchor link = new Anchor("trainings/" + occurrence.value() + "/" + file, text);
        link.setRouterIgnore(true);
        link.getElement().setAttribute("download", true);
        return link;
    }
}
