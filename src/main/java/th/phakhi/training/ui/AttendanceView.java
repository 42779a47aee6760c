package th.phakhi.training.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.training.AttendanceReport;
import th.phakhi.training.RegistrationService;

/** Attendance of a network's past events, per event and per organization (secretariat). */
@Route("networks/:networkId/trainings/attendance")
@PermitAll
class AttendanceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registrations;
    private final NetworkService networks;

    AttendanceView(RegistrationService registrations, NetworkService networks) {
        this.registrations = registrations;
        this.networks = networks;
        addClassNames("page", "attendance-page");
        setId("attendance");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NetworkId id = new NetworkId(event.getRouteParameters().get("networkId").orElse(""));
        Network network;
        AttendanceReport report;
        try {
            network = networks.find(id);
            report = registrations.attendance(id);
        } catch (AccessDeniedException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        Anchor back = new Anchor("networks/" + id.value(), network.name(getLocale()));
        back.addClassName("back-link");
        add(back, new H2(getTranslation("training.attendance.title")));
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());

        add(new H3(getTranslation("training.attendance.byEvent")));
        add(table("attendance-events", List.of("training.fact.date", "training.field.topic",
                        "training.attendance.count", "training.attendance.rate"),
                report.occurrences().stream().map(o -> List.of(DateFormats.date(o.start(), getLocale()), o.topic(),
                        o.attended() + "/" + o.registered(), percent.format(o.rate()))).toList()));

        add(new H3(getTranslation("training.attendance.byOrganization")));
        add(table("attendance-organizations", List.of("training.attendance.organization",
                        "training.attendance.count", "training.attendance.rate"),
                report.organizations().stream().map(o -> List.of(o.name(), o.attended() + "/" + o.registered(),
                        percent.format(o.rate()))).toList()));
    }

    /**
     * A plain HTML table: a short report reads better (and prints, and fits a phone by scrolling
     * sideways) than a data grid. The last two columns are figures, aligned right.
     */
    private Div table(String id, List<String> headerKeys, List<List<String>> rows) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("report-table");
        NativeTableRow head = new NativeTableRow();
        for (int i = 0; i < headerKeys.size(); i++) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(getTranslation(headerKeys.get(i)));
            cell.getElement().setAttribute("scope", "col");
            figure(cell, i, headerKeys.size());
            head.add(cell);
        }
        table.getHead().add(head);
        for (List<String> values : rows) {
            NativeTableRow row = new NativeTableRow();
            for (int i = 0; i < values.size(); i++) {
                NativeTableCell cell = new NativeTableCell(values.get(i));
                figure(cell, i, values.size());
                row.add(cell);
            }
            table.getBody().add(row);
        }
        if (rows.isEmpty()) {
            NativeTableCell none = new NativeTableCell(getTranslation("training.attendance.none"));
            none.getElement().setAttribute("colspan", String.valueOf(headerKeys.size()));
            table.getBody().add(new NativeTableRow(none));
        }
        Div scroller = new Div(table);
        scroller.addClassName("table-scroller");
        return scroller;
    }

    private static void figure(com.vaadin.flow.component.HasStyle cell, int column, int columns) {
        if (column >= columns - 2) {
            cell.addClassName("figure");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.attendance.title");
    }
}
