package th.phakhi.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.shared.Link;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Language;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.DatePickers;
import th.phakhi.training.EventType;
import th.phakhi.training.Occurrence;
import th.phakhi.training.Recurrences;
import th.phakhi.training.Repeat;
import th.phakhi.training.SeriesForm;
import th.phakhi.training.SeriesId;
import th.phakhi.training.TrainingService;

/**
 * Scheduling an event or a monthly series (secretariat), and editing a series' details. The dates
 * the series will have are shown as they are typed; nothing typed is lost when the server refuses.
 */
@Route("networks/:networkId/trainings/new")
@RouteAlias("trainings/series/:seriesId/edit")
@PermitAll
class ScheduleView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingService trainings;
    private final NetworkService networks;
    private final NetworkAccess networkAccess;

    private final Select<EventType> type = new Select<>();
    private final TextField topic = new TextField();
    private final DatePicker date = new DatePicker();
    private final TimePicker start = new TimePicker();
    private final TimePicker end = new TimePicker();
    private final Select<Repeat> repeat = new Select<>();
    private final IntegerField count = new IntegerField();
    private final Paragraph preview = new Paragraph();
    private final TextField venue = new TextField();
    private final TextField address = new TextField();
    private final TextField mapUrl = new TextField();
    private final TextField onlineUrl = new TextField();
    private final IntegerField capacity = new IntegerField();
    private final IntegerField closeHours = new IntegerField();
    private final IntegerField reminderHours = new IntegerField();
    private final TextArea speakers = new TextArea();
    private final TextArea agenda = new TextArea();
    private final TextArea materials = new TextArea();
    private Network network;
    private SeriesId editing;

    ScheduleView(TrainingService trainings, NetworkService networks, NetworkAccess networkAccess) {
        this.trainings = trainings;
        this.networks = networks;
        this.networkAccess = networkAccess;
        addClassName("page");
        setId("schedule");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            var seriesParam = event.getRouteParameters().get("seriesId");
            if (seriesParam.isPresent()) {
                editing = new SeriesId(seriesParam.get());
                SeriesForm existing = trainings.form(editing);
                Occurrence first = trainings.occurrences(editing).getFirst();
                network = networks.find(first.networkId());
                build();
                fill(existing);
            } else {
                NetworkId id = new NetworkId(event.getRouteParameters().get("networkId").orElse(""));
                network = networks.find(id);
                if (!networkAccess.isSecretariat(id)) {
                    throw new AccessDeniedException("not the secretariat");
                }
                build();
            }
        } catch (AccessDeniedException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void build() {
        removeAll();
        Anchor back = new Anchor(editing == null ? "trainings" : "trainings", getTranslation("training.title"));
        back.addClassName("back-link");
        H2 title = new H2(getTranslation(editing == null ? "training.scheduleIn" : "training.editSeries",
                network.name(getLocale())));
        add(back, title);

        type.setLabel(getTranslation("training.field.type"));
        type.setItems(EventType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.nameKey()));
        type.setValue(EventType.TRAINING);
        type.setId("training-type");
        topic.setLabel(getTranslation("training.field.topic"));
        topic.setMaxLength(TrainingService.MAX_TOPIC);
        topic.setRequiredIndicatorVisible(true);
        topic.setId("training-topic");
        topic.setWidthFull();

        date.setLabel(getTranslation("training.field.date"));
        DatePickers.localize(date, getLocale());
        date.setRequiredIndicatorVisible(true);
        date.setId("training-date");
        start.setLabel(getTranslation("training.field.start"));
        start.setStep(Duration.ofMinutes(15));
        start.setValue(LocalTime.of(13, 30));
        start.setId("training-start");
        end.setLabel(getTranslation("training.field.end"));
        end.setStep(Duration.ofMinutes(15));
        end.setValue(LocalTime.of(16, 30));
        end.setId("training-end");
        repeat.setLabel(getTranslation("training.field.repeat"));
        repeat.setItems(Repeat.values());
        repeat.setItemLabelGenerator(this::repeatLabel);
        repeat.setValue(Repeat.NONE);
        repeat.setId("training-repeat");
        count.setLabel(getTranslation("training.field.occurrences"));
        count.setMin(1);
        count.setMax(Recurrences.MAX_OCCURRENCES);
        count.setStepButtonsVisible(true);
        count.setValue(12);
        count.setId("training-count");
        preview.addClassName("muted");
        preview.setId("training-preview");
        date.addValueChangeListener(e -> {
            repeat.setItemLabelGenerator(this::repeatLabel); // the labels name the weekday and day
            updatePreview();
        });
        start.addValueChangeListener(e -> updatePreview());
        repeat.addValueChangeListener(e -> updatePreview());
        count.addValueChangeListener(e -> updatePreview());

        venue.setLabel(getTranslation("training.field.venue"));
        venue.setMaxLength(TrainingService.MAX_VENUE);
        venue.setId("training-venue");
        address.setLabel(getTranslation("training.field.address"));
        address.setMaxLength(TrainingService.MAX_ADDRESS);
        mapUrl.setLabel(getTranslation("training.field.mapUrl"));
        mapUrl.setPlaceholder(getTranslation("training.field.urlPlaceholder"));
        onlineUrl.setLabel(getTranslation("training.field.onlineUrl"));
        onlineUrl.setPlaceholder(getTranslation("training.field.urlPlaceholder"));
        onlineUrl.setId("training-online");
        capacity.setLabel(getTranslation("training.field.capacity"));
        capacity.setHelperText(getTranslation("training.field.capacityHelp"));
        capacity.setId("training-capacity");
        closeHours.setLabel(getTranslation("training.field.closeHours"));
        closeHours.setValue(0);
        closeHours.setMin(0);
        reminderHours.setLabel(getTranslation("training.field.reminderHours"));
        reminderHours.setValue(24);
        reminderHours.setMin(0);
        speakers.setLabel(getTranslation("training.field.speakers"));
        speakers.setHelperText(getTranslation("training.field.speakersHelp"));
        agenda.setLabel(getTranslation("training.field.agenda"));
        agenda.setHelperText(getTranslation("training.field.agendaHelp", TrainingService.MAX_AGENDA));
        agenda.setMaxLength(TrainingService.MAX_AGENDA);
        agenda.setMinRows(4);
        agenda.setValueChangeMode(ValueChangeMode.LAZY);
        materials.setLabel(getTranslation("training.field.materials"));
        materials.setHelperText(getTranslation("training.field.materialsHelp"));

        FormLayout when = new FormLayout(date, start, end, repeat, count);
        when.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 3));
        when.setColspan(repeat, 2);
        FormLayout what = new FormLayout(type, topic, speakers, agenda, materials);
        what.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        what.setColspan(topic, 2);
        what.setColspan(agenda, 2);
        what.setColspan(materials, 2);
        FormLayout where = new FormLayout(venue, address, mapUrl, onlineUrl);
        where.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        FormLayout seats = new FormLayout(capacity, closeHours, reminderHours);
        seats.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 3));

        add(new H3(getTranslation("training.section.what")), what);
        if (editing == null) {
            add(new H3(getTranslation("training.section.when")), when, preview);
        } else {
            Paragraph note = new Paragraph(getTranslation("training.editDatesNote"));
            note.addClassName("muted");
            add(note);
        }
        add(new H3(getTranslation("training.section.where")), where, new H3(getTranslation("training.section.seats")),
                seats);
        Button save = new Button(getTranslation(editing == null ? "training.scheduleAction" : "action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("training-save");
        Div actions = new Div(save);
        actions.addClassName("actions");
        add(actions);
        updatePreview();
    }

    private String repeatLabel(Repeat r) {
        LocalDate d = date.getValue();
        return switch (r) {
            case MONTHLY_BY_WEEKDAY -> getTranslation(r.nameKey(), d == null ? "…" : weekdayOfMonth(d));
            case MONTHLY_BY_DATE -> getTranslation(r.nameKey(), d == null ? "…" : String.valueOf(d.getDayOfMonth()));
            default -> getTranslation(r.nameKey());
        };
    }

    /** "วันพุธแรก" / "the first Wednesday", "วันศุกร์สุดท้าย" / "the last Friday". */
    private String weekdayOfMonth(LocalDate d) {
        int n = (d.getDayOfMonth() - 1) / 7 + 1;
        String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Language.of(getLocale()).locale());
        return getTranslation("training.weekOfMonth." + (n == 5 ? "last" : n), weekday);
    }

    private void updatePreview() {
        if (editing != null) {
            return;
        }
        LocalDate d = date.getValue();
        LocalTime t = start.getValue();
        if (d == null || t == null) {
            preview.setText(getTranslation("training.preview.pick"));
            return;
        }
        Repeat r = repeat.getValue() == null ? Repeat.NONE : repeat.getValue();
        int n = r == Repeat.NONE ? 1 : count.getValue() == null ? 0 : count.getValue();
        count.setVisible(r != Repeat.NONE);
        if (n < 1 || n > Recurrences.MAX_OCCURRENCES) {
            preview.setText(getTranslation("training.error.occurrences", Recurrences.MAX_OCCURRENCES));
            return;
        }
        try {
            List<LocalDateTime> starts = Recurrences.starts(Recurrences.rule(r, d, n), d.atTime(t));
            List<String> shown = starts.stream().limit(6).map(s -> DateFormats.date(s.toLocalDate(), getLocale())).toList();
            String text = String.join(", ", shown) + (starts.size() > 6 ? " … " + DateFormats.date(
                    starts.getLast().toLocalDate(), getLocale()) : "");
            preview.setText(getTranslation("training.preview", starts.size(), text));
        } catch (UserFacingException e) {
            preview.setText(getTranslation(e.messageKey(), e.params()));
        }
    }

    private void fill(SeriesForm f) {
        type.setValue(f.type());
        topic.setValue(f.topic() == null ? "" : f.topic());
        agenda.setValue(f.agenda() == null ? "" : f.agenda());
        speakers.setValue(String.join("\n", f.speakers()));
        venue.setValue(f.venue() == null ? "" : f.venue());
        address.setValue(f.address() == null ? "" : f.address());
        mapUrl.setValue(f.mapUrl() == null ? "" : f.mapUrl());
        onlineUrl.setValue(f.onlineUrl() == null ? "" : f.onlineUrl());
        capacity.setValue(f.capacity());
        closeHours.setValue(f.registrationCloseHours());
        reminderHours.setValue(f.reminderHours());
        List<String> lines = new ArrayList<>();
        f.materials().forEach(l -> lines.add((l.label() == null ? "" : l.label() + " | ") + l.url()));
        materials.setValue(String.join("\n", lines));
        date.setValue(f.firstDate());
        start.setValue(f.startTime());
        end.setValue(f.endTime());
        repeat.setValue(f.repeat());
        count.setValue(f.occurrences());
    }

    private SeriesForm form() {
        return new SeriesForm(type.getValue(), topic.getValue(), agenda.getValue(),
                Arrays.stream(speakers.getValue().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                venue.getValue(), address.getValue(), mapUrl.getValue(), onlineUrl.getValue(), capacity.getValue(),
                date.getValue(), start.getValue(), end.getValue(), repeat.getValue(), count.getValue(),
                closeHours.getValue(), reminderHours.getValue(), links(materials.getValue()));
    }

    /** "title | https://…" or just the address, one per line. */
    static List<Link> links(String text) {
        List<Link> links = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int bar = l.lastIndexOf('|');
            links.add(bar < 0 ? new Link(null, l) : new Link(l.substring(0, bar).strip(), l.substring(bar + 1).strip()));
        }
        return links;
    }

    private void save() {
        topic.setInvalid(false);
        if (topic.getValue().isBlank()) {
            topic.setInvalid(true);
            topic.setErrorMessage(getTranslation("validation.required"));
            topic.focus();
            return;
        }
        if (date.isInvalid()) {
            date.setErrorMessage(getTranslation("training.error.when"));
            return;
        }
        if (editing != null) {
            if (Actions.run(this, () -> trainings.updateDetails(editing, form()))) {
                getUI().ifPresent(ui -> ui.navigate("trainings/" + trainings.occurrences(editing).getFirst().id().value()));
            }
            return;
        }
        Actions.call(this, () -> trainings.schedule(network.id(), form())).ifPresent(id ->
                getUI().ifPresent(ui -> ui.navigate("trainings/" + trainings.occurrences(id).getFirst().id().value())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "training.schedule" : "training.editSeries", "");
    }
}
