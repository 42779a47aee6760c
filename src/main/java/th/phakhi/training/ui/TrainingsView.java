package th.phakhi.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Language;
import th.phakhi.training.Occurrence;
import th.phakhi.training.TrainingService;

/**
 * Upcoming trainings and events of my networks, as a list grouped by month or as a month
 * calendar; the secretariat schedules new ones from here.
 */
@Route("trainings")
@Menu(title = "menu.trainings", icon = "vaadin:academy-cap", order = 2.5)
@PermitAll
class TrainingsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingService trainings;
    private final NetworkService networks;
    private final Clock clock;
    private final Select<Optional<Network>> network = new Select<>();
    private final Tabs mode = new Tabs();
    private final Tab listTab = new Tab();
    private final Tab monthTab = new Tab();
    private final Div content = new Div();
    private YearMonth month;

    TrainingsView(TrainingService trainings, NetworkService networks, Clock clock) {
        this.trainings = trainings;
        this.networks = networks;
        this.clock = clock;
        addClassName("page");
        setId("trainings");
        network.setId("training-network");
        network.addValueChangeListener(e -> {
            if (!rendering) {
                refresh();
            }
        });
        mode.add(listTab, monthTab);
        mode.addSelectedChangeListener(e -> {
            if (!rendering) {
                refresh();
            }
        });
    }

    private boolean rendering;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        month = query.getSingleParameter("month").flatMap(TrainingsView::parseMonth)
                .orElse(YearMonth.from(LocalDate.now(clock.withZone(DateFormats.THAILAND))));
        render(query.getSingleParameter("view").filter("month"::equals).isPresent(),
                query.getSingleParameter("network").map(NetworkId::new));
    }

    private static Optional<YearMonth> parseMonth(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void render(boolean monthView, Optional<NetworkId> selected) {
        removeAll();
        Div header = new Div(new H2(getTranslation("training.title")));
        header.addClassName("page-header");
        Div headerActions = new Div();
        headerActions.addClassName("actions");
        Anchor record = new Anchor("me/learning", getTranslation("training.myRecord"));
        record.addClassName("primary-link");
        record.setId("my-learning-link");
        headerActions.add(record);
        List<Network> manageable = trainings.networksIManage();
        if (!manageable.isEmpty()) {
            Button schedule = new Button(getTranslation("training.schedule"), VaadinIcon.CALENDAR_CLOCK.create(), e -> {
                NetworkId target = network.getValue().map(Network::id)
                        .filter(id -> manageable.stream().anyMatch(n -> n.id().equals(id)))
                        .orElse(manageable.getFirst().id());
                getUI().ifPresent(ui -> ui.navigate("networks/" + target.value() + "/trainings/new"));
            });
            schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            schedule.setId("schedule-training");
            headerActions.add(schedule);
        }
        header.add(headerActions);
        add(header);

        List<Network> mine = networks.myNetworks();
        List<Optional<Network>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        mine.forEach(n -> choices.add(Optional.of(n)));
        network.setItems(choices);
        network.setItemLabelGenerator(n -> n.map(x -> x.name(getLocale())).orElse(getTranslation("training.allNetworks")));
        network.setAriaLabel(getTranslation("training.network"));
        listTab.setLabel(getTranslation("training.view.list"));
        monthTab.setLabel(getTranslation("training.view.month"));
        rendering = true;
        try {
            network.setValue(selected.flatMap(id -> mine.stream().filter(n -> n.id().equals(id)).findFirst()));
            mode.setSelectedTab(monthView ? monthTab : listTab);
        } finally {
            rendering = false;
        }
        Div filters = new Div(network, mode);
        filters.addClassName("filters");
        add(filters, content);
        if (mine.isEmpty()) {
            content.removeAll();
            content.add(new Paragraph(getTranslation("training.noNetworks")));
            return;
        }
        refresh();
    }

    private void refresh() {
        content.removeAll();
        Optional<NetworkId> selected = network.getValue() == null ? Optional.empty() : network.getValue().map(Network::id);
        if (mode.getSelectedTab() == monthTab) {
            content.add(monthCalendar(selected));
        } else {
            content.add(upcomingList(selected));
        }
        updateUrl(selected);
    }

    private void updateUrl(Optional<NetworkId> selected) {
        Map<String, String> params = new LinkedHashMap<>();
        if (mode.getSelectedTab() == monthTab) {
            params.put("view", "month");
            params.put("month", month.toString());
        }
        selected.ifPresent(id -> params.put("network", id.value()));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("trainings", QueryParameters.simple(params))));
    }

    /** The next six months, grouped by month. */
    private Div upcomingList(Optional<NetworkId> selected) {
        Div list = new Div();
        list.setId("training-list");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DateFormats.THAILAND);
        List<Occurrence> upcoming = trainings.between(selected, today.atStartOfDay(DateFormats.THAILAND).toInstant(),
                today.plusMonths(6).atStartOfDay(DateFormats.THAILAND).toInstant());
        if (upcoming.isEmpty()) {
            list.add(new Paragraph(getTranslation("training.none")));
            return list;
        }
        boolean showNetwork = selected.isEmpty() && networks.myNetworks().size() > 1;
        YearMonth current = null;
        Div cards = null;
        for (Occurrence o : upcoming) {
            YearMonth ym = YearMonth.from(o.start().atZone(DateFormats.THAILAND));
            if (!ym.equals(current)) {
                current = ym;
                H3 heading = new H3(DateFormats.format(ym.atDay(1), "LLLL yyyy", getLocale()));
                heading.addClassName("month-heading");
                cards = new Div();
                cards.addClassName("occurrence-list");
                list.add(heading, cards);
            }
            cards.add(new OccurrenceCard(o, getLocale(), now, showNetwork));
        }
        return list;
    }

    /** A month grid (Sunday first) with each day's events, and the month's events listed below. */
    private Div monthCalendar(Optional<NetworkId> selected) {
        Div wrapper = new Div();
        wrapper.setId("training-month");
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> {
            month = month.minusMonths(1);
            refresh();
        });
        previous.setAriaLabel(getTranslation("training.previousMonth"));
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> {
            month = month.plusMonths(1);
            refresh();
        });
        next.setAriaLabel(getTranslation("training.nextMonth"));
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        next.setId("next-month");
        Span title = new Span(DateFormats.format(month.atDay(1), "LLLL yyyy", getLocale()));
        title.addClassName("month-title");
        title.setId("month-title");
        Div navigation = new Div(previous, title, next);
        navigation.addClassName("month-navigation");
        wrapper.add(navigation);

        Instant now = clock.instant();
        List<Occurrence> inMonth = trainings.between(selected, month.atDay(1).atStartOfDay(DateFormats.THAILAND).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(DateFormats.THAILAND).toInstant());
        Div grid = new Div();
        grid.addClassName("month-grid");
        grid.getElement().setAttribute("role", "grid");
        DayOfWeek day = DayOfWeek.SUNDAY;
        for (int i = 0; i < 7; i++) {
            Span name = new Span(day.getDisplayName(TextStyle.SHORT, Language.of(getLocale()).locale()));
            name.addClassName("weekday");
            grid.add(name);
            day = day.plus(1);
        }
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate today = LocalDate.ofInstant(now, DateFormats.THAILAND);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Div cell = new Div();
            cell.addClassName("day");
            if (!YearMonth.from(d).equals(month)) {
                cell.addClassName("other-month");
            }
            if (d.equals(today)) {
                cell.addClassName("today");
            }
            Span number = new Span(String.valueOf(d.getDayOfMonth()));
            number.addClassName("day-number");
            cell.add(number);
            LocalDate date = d;
            for (Occurrence o : inMonth) {
                if (o.start().atZone(DateFormats.THAILAND).toLocalDate().equals(date)) {
                    Anchor chip = new Anchor("trainings/" + o.id().value(),
                            DateFormats.time(o.start(), getLocale()) + " " + o.topic());
                    chip.addClassName("event-chip");
                    if (o.cancelled()) {
                        chip.addClassName("cancelled");
                    }
                    chip.getElement().setAttribute("title", o.topic());
                    cell.add(chip);
                }
            }
            grid.add(cell);
        }
        wrapper.add(grid);
        Div agenda = new Div();
        agenda.addClassName("occurrence-list");
        if (inMonth.isEmpty()) {
            agenda.add(new Paragraph(getTranslation("training.noneThisMonth")));
        }
        inMonth.forEach(o -> agenda.add(new OccurrenceCard(o, getLocale(), now, true)));
        wrapper.add(agenda);
        return wrapper;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.title");
    }
}
