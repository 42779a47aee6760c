package th.phakhi.training.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
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
        Grid<AttendanceReport.ByOccurrence> events = new Grid<>();
        events.setId("attendance-events");
        events.addColumn(o -> DateFormats.date(o.start(), getLocale())).setHeader(getTranslation("training.fact.date"))
                .setWidth("9.5em").setFlexGrow(0);
        events.addColumn(AttendanceReport.ByOccurrence::topic).setHeader(getTranslation("training.field.topic"))
                .setFlexGrow(1);
        events.addColumn(o -> o.attended() + "/" + o.registered()).setHeader(getTranslation("training.attendance.count"))
                .setWidth("10em").setFlexGrow(0);
        events.addColumn(o -> percent.format(o.rate())).setHeader(getTranslation("training.attendance.rate"))
                .setWidth("5.5em").setFlexGrow(0);
        events.setItems(report.occurrences());
        events.setAllRowsVisible(true);
        add(events);

        add(new H3(getTranslation("training.attendance.byOrganization")));
        Grid<AttendanceReport.ByOrganization> organizations = new Grid<>();
        organizations.setId("attendance-organizations");
        organizations.addColumn(AttendanceReport.ByOrganization::name).setHeader(getTranslation("training.attendance.organization"))
                .setFlexGrow(1);
        organizations.addColumn(o -> o.attended() + "/" + o.registered()).setHeader(getTranslation("training.attendance.count"))
                .setWidth("10em").setFlexGrow(0);
        organizations.addColumn(o -> percent.format(o.rate())).setHeader(getTranslation("training.attendance.rate"))
                .setWidth("5.5em").setFlexGrow(0);
        organizations.setItems(report.organizations());
        organizations.setAllRowsVisible(true);
        add(organizations);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.attendance.title");
    }
}
