package th.phakhi.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.network.NetworkService;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.DatePickers;
import th.phakhi.shared.ui.Dialogs;
import th.phakhi.shared.ui.Notices;
import th.phakhi.shared.ui.Routes;
import th.phakhi.shared.ui.Tag;
import th.phakhi.training.Occurrence;
import th.phakhi.training.OccurrenceId;
import th.phakhi.training.RegistrationService;
import th.phakhi.training.RegistrationStatus;
import th.phakhi.training.Review;
import th.phakhi.training.ReviewForm;
import th.phakhi.training.ReviewService;
import th.phakhi.training.RosterEntry;
import th.phakhi.training.TrainingService;

/**
 * One occurrence: details and materials; registering oneself or a colleague; self check-in with
 * the code shown in the room; the After Action Review and the certificate afterwards. The
 * secretariat also sees the roster (checking people in from a phone), the check-in code, the
 * reviews side by side, and moves, cancels or edits. Everything updates live.
 */
@Route("trainings/:occurrenceId")
@PermitAll
class OccurrenceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingService trainings;
    private final RegistrationService registrations;
    private final ReviewService reviews;
    private final NetworkService networks;
    private final PeopleService people;
    private final LiveEvents live;
    private final Clock clock;
    private OccurrenceId id;
    private Occurrence occurrence;
    private LiveEvents.Subscription subscription;
    /** What the reader is typing in the review, kept across live refreshes. */
    private final Map<String, String> draft = new LinkedHashMap<>();

    OccurrenceView(TrainingService trainings, RegistrationService registrations, ReviewService reviews,
                   NetworkService networks, PeopleService people, LiveEvents live, Clock clock) {
        this.trainings = trainings;
        this.registrations = registrations;
        this.reviews = reviews;
        this.networks = networks;
        this.people = people;
        this.live = live;
        this.clock = clock;
        addClassName("page");
        setId("occurrence");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = new OccurrenceId(event.getRouteParameters().get("occurrenceId").orElse(""));
        if (Routes.loadOrNotFound(event, () -> occurrence = trainings.find(id))) {
            render();
        }
    }

    private void reload() {
        occurrence = trainings.find(id);
        render();
    }

    private void render() {
        removeAll();
        Occurrence o = occurrence;
        Instant now = clock.instant();
        Anchor back = new Anchor("trainings", getTranslation("training.title"));
        back.addClassName("back-link");
        H2 title = new H2(o.topic());
        title.setId("occurrence-heading");
        Div tags = OccurrenceCard.tags(o, getLocale(), now);
        if (o.seriesSize() > 1) {
            tags.add(new Tag(getTranslation("training.numberOf", o.number(), o.seriesSize()), Tag.Tone.NEUTRAL));
        }
        add(back, title, tags);
        if (o.cancelled()) {
            Paragraph cancelled = new Paragraph(getTranslation("training.cancelledBecause", o.cancelReason()));
            cancelled.addClassNames("card", "card-warning");
            cancelled.setId("cancelled-banner");
            add(cancelled);
        }
        add(facts(o));
        if (o.agendaHtml() != null) {
            // Rendered from the Markdown subset and sanitized on the server (shared.text.Markdown).
            add(new Html("<div class=\"announcement-body\" dir=\"auto\">" + o.agendaHtml() + "</div>"));
        }
        if (!o.materials().isEmpty()) {
            add(new H3(getTranslation("training.field.materials")));
            UnorderedList list = new UnorderedList();
            o.materials().forEach(l -> {
                Anchor link = new Anchor(l.url(), l.label() == null ? l.url() : l.label());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                list.add(new ListItem(link));
            });
            add(list);
        }
        add(myRegistration(o, now));
        if (o.canManage()) {
            add(secretariat(o, now));
        }
    }

    private Component facts(Occurrence o) {
        Div facts = new Div();
        facts.addClassName("facts");
        ZonedDateTime start = o.start().atZone(DateFormats.THAILAND);
        fact(facts, "training.fact.date", DateFormats.format(start, "EEEE d MMMM yyyy", getLocale()));
        fact(facts, "training.fact.time", DateFormats.time(o.start(), getLocale()) + "–" + DateFormats.time(o.end(), getLocale())
                + " " + getTranslation("training.fact.timeZone"));
        if (o.venue() != null || o.address() != null) {
            Div where = new Div();
            where.addClassName("contact");
            if (o.venue() != null) {
                where.add(new Span(o.venue()));
            }
            if (o.address() != null) {
                where.add(new Span(o.address()));
            }
            if (o.mapUrl() != null) {
                Anchor map = new Anchor(o.mapUrl(), getTranslation("training.openMap"));
                map.setTarget("_blank");
                map.getElement().setAttribute("rel", "noopener noreferrer");
                where.add(map);
            }
            fact(facts, "training.field.venue", where);
        }
        if (o.onlineUrl() != null) {
            Anchor online = new Anchor(o.onlineUrl(), o.onlineUrl());
            online.setTarget("_blank");
            online.getElement().setAttribute("rel", "noopener noreferrer");
            fact(facts, "training.field.onlineUrl", online);
        }
        if (!o.speakers().isEmpty()) {
            fact(facts, "training.field.speakers", String.join(", ", o.speakers()));
        }
        String seats = o.capacity() == null
                ? getTranslation("training.fact.registeredNoLimit", o.registeredCount())
                : getTranslation("training.fact.registeredOf", o.registeredCount(), o.capacity());
        if (o.waitingCount() > 0) {
            seats += " · " + getTranslation("training.fact.waiting", o.waitingCount());
        }
        fact(facts, "training.fact.seats", seats).setId("occurrence-seats");
        fact(facts, "training.fact.closes", DateFormats.dateTime(o.registrationClosesAt(), getLocale()));
        Anchor network = new Anchor("networks/" + o.networkId().value(), o.networkName());
        fact(facts, "training.network", network);
        return facts;
    }

    private Span fact(Div facts, String labelKey, String value) {
        Span span = new Span(value);
        fact(facts, labelKey, span);
        return span;
    }

    private void fact(Div facts, String labelKey, Component value) {
        Div fact = new Div();
        fact.addClassName("fact");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        fact.add(label, value);
        facts.add(fact);
    }

    // ------------------------------------------------------------------ the reader's own part

    private Component myRegistration(Occurrence o, Instant now) {
        Div box = new Div();
        box.addClassNames("card", "card-highlight");
        box.setId("my-registration");
        Span status = new Span(o.myStatus() == RegistrationStatus.WAITING
                ? getTranslation("training.waitingPosition", o.waitingPosition())
                : getTranslation(o.myStatus().nameKey()));
        status.addClassName("card-title");
        status.setId("my-status");
        box.add(status);
        Div actions = new Div();
        actions.addClassName("actions");
        boolean open = o.registrationOpen(now);
        if (!o.cancelled() && o.myStatus() == RegistrationStatus.NONE && open) {
            Button register = new Button(getTranslation(o.seatsLeft() != null && o.seatsLeft() == 0
                    ? "training.joinWaitingList" : "training.register"), VaadinIcon.CHECK.create(), e -> {
                Actions.call(this, () -> registrations.register(id, null)).ifPresent(s -> {
                    Notices.success(this, s == RegistrationStatus.WAITING ? "training.registeredWaiting" : "training.registeredDone");
                    reload();
                });
            });
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            register.setId("register");
            actions.add(register);
        } else if (!o.cancelled() && o.myStatus() == RegistrationStatus.NONE) {
            box.add(new Paragraph(getTranslation("training.registrationClosed")));
        }
        if ((o.myStatus() == RegistrationStatus.REGISTERED || o.myStatus() == RegistrationStatus.WAITING)
                && now.isBefore(o.start())) {
            Button cancel = new Button(getTranslation("training.cancelRegistration"), e ->
                    Dialogs.confirm(this, "training.cancelRegistration", getTranslation("training.cancelRegistrationConfirm"),
                            "training.cancelRegistration", true, () -> {
                                if (Actions.run(this, () -> registrations.cancelRegistration(id, me().id()))) {
                                    reload();
                                }
                            }));
            cancel.setId("cancel-registration");
            actions.add(cancel);
        }
        Anchor calendar = FileLinks.download(id, FileLinks.CALENDAR, getTranslation("training.addToCalendar"));
        calendar.setId("add-to-calendar");
        actions.add(calendar);
        box.add(actions);
        if (!o.cancelled() && open) {
            box.add(colleagues());
        }
        if (!o.cancelled() && o.myStatus() != RegistrationStatus.ATTENDED
                && !now.isBefore(o.start().minus(RegistrationService.CHECK_IN_EARLY)) && now.isBefore(o.end())) {
            box.add(selfCheckIn());
        }
        if (o.myStatus() == RegistrationStatus.ATTENDED) {
            Anchor certificate = FileLinks.download(id, FileLinks.CERTIFICATE, getTranslation("training.certificate"));
            certificate.setId("certificate");
            box.add(new Div(certificate));
            if (!now.isBefore(o.start())) {
                box.add(reviewForm());
            }
        }
        return box;
    }

    private Person me() {
        return people.me().orElseThrow(() -> new UserFacingException("training.error.noPerson"));
    }

    /** Register a colleague, and the colleagues already registered (each can be cancelled). */
    private Component colleagues() {
        Div wrapper = new Div();
        wrapper.setId("colleagues");
        List<RosterEntry> ours = registrations.myOrganizationsEntries(id);
        Optional<Person> me = people.me();
        List<RosterEntry> others = ours.stream().filter(e -> me.isEmpty() || !e.personId().equals(me.get().id())).toList();
        if (!others.isEmpty()) {
            wrapper.add(new H4(getTranslation("training.ourColleagues")));
            UnorderedList list = new UnorderedList();
            list.addClassName("plain-list");
            for (RosterEntry e : others) {
                ListItem item = new ListItem(new Span(e.personName() + " · " + (e.waiting()
                        ? getTranslation("training.waitingPosition", e.waitingPosition())
                        : getTranslation(e.attended() ? "training.status.ATTENDED" : "training.status.REGISTERED"))));
                Button cancel = new Button(getTranslation("training.cancelFor"), click -> {
                    if (Actions.run(this, () -> registrations.cancelRegistration(id, e.personId()))) {
                        reload();
                    }
                });
                cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(cancel);
                list.add(item);
            }
            wrapper.add(list);
        }
        List<Person> colleagues = registrations.colleagues().stream()
                .filter(p -> me.isEmpty() || !p.id().equals(me.get().id()))
                .filter(p -> ours.stream().noneMatch(e -> e.personId().equals(p.id()))).toList();
        if (colleagues.isEmpty()) {
            return wrapper;
        }
        Select<Person> colleague = new Select<>();
        colleague.setItems(colleagues);
        colleague.setItemLabelGenerator(Person::fullName);
        colleague.setPlaceholder(getTranslation("training.chooseColleague"));
        colleague.setAriaLabel(getTranslation("training.chooseColleague"));
        colleague.setId("colleague");
        Button register = new Button(getTranslation("training.registerColleague"), e -> {
            if (colleague.getValue() == null) {
                colleague.setInvalid(true);
                colleague.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            Actions.call(this, () -> registrations.register(id, colleague.getValue().id())).ifPresent(s -> {
                Notices.success(this, s == RegistrationStatus.WAITING ? "training.registeredWaiting" : "training.registeredDone");
                reload();
            });
        });
        register.setId("register-colleague");
        Div row = new Div(colleague, register);
        row.addClassName("actions");
        wrapper.add(row);
        return wrapper;
    }

    private Component selfCheckIn() {
        TextField code = new TextField(getTranslation("training.checkInCode"));
        code.setMaxLength(6);
        code.setPattern("[0-9]*");
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setId("self-check-in-code");
        Button checkIn = new Button(getTranslation("training.checkIn"), e -> {
            if (Actions.run(this, () -> registrations.checkInWithCode(id, code.getValue()))) {
                Notices.success(this, "training.checkedIn");
                reload();
            }
        });
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkIn.setId("self-check-in");
        Div row = new Div(code, checkIn);
        row.addClassName("actions");
        row.setId("self-check-in-box");
        return row;
    }

    private Component reviewForm() {
        Div wrapper = new Div();
        wrapper.setId("review");
        wrapper.addClassName("review-form");
        wrapper.add(new H3(getTranslation("training.review.title")));
        Paragraph intro = new Paragraph(getTranslation("training.review.intro"));
        intro.addClassName("muted");
        wrapper.add(intro);
        Optional<Review> mine = reviews.mine(id);
        TextArea expected = answer("expected", mine.map(Review::expected));
        TextArea happened = answer("happened", mine.map(Review::happened));
        TextArea better = answer("better", mine.map(Review::better));
        TextArea suggestions = answer("suggestions", mine.map(Review::suggestions));
        FormLayout form = new FormLayout(expected, happened, better, suggestions);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        Button save = new Button(getTranslation(mine.isPresent() ? "training.review.update" : "training.review.submit"), e -> {
            if (Actions.run(this, () -> reviews.submit(id, new ReviewForm(expected.getValue(), happened.getValue(),
                    better.getValue(), suggestions.getValue())))) {
                draft.clear();
                Notices.success(this, "training.review.saved");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("review-save");
        wrapper.add(form, new Div(save));
        return wrapper;
    }

    private TextArea answer(String key, Optional<String> saved) {
        TextArea area = new TextArea(getTranslation("training.review." + key));
        area.setMaxLength(ReviewService.MAX_ANSWER);
        area.setWidthFull();
        area.setMinRows(2);
        area.setValue(draft.getOrDefault(key, saved.orElse("")));
        area.addValueChangeListener(e -> draft.put(key, e.getValue()));
        area.setId("review-" + key);
        return area;
    }

    // ------------------------------------------------------------------ the secretariat's part

    private Component secretariat(Occurrence o, Instant now) {
        Div panel = new Div();
        panel.setId("secretariat");
        panel.add(new H3(getTranslation("training.secretariat")));
        Div actions = new Div();
        actions.addClassName("actions");
        if (!o.cancelled()) {
            Button code = new Button(getTranslation("training.showCode"), VaadinIcon.KEY.create(), e -> showCode());
            code.setId("show-code");
            actions.add(code);
        }
        Anchor csv = FileLinks.download(id, FileLinks.ROSTER, getTranslation("training.exportCsv"));
        csv.setId("roster-csv");
        actions.add(csv);
        if (!o.cancelled() && now.isBefore(o.end())) {
            Button move = new Button(getTranslation("training.move"), e -> moveDialog());
            move.setId("move-occurrence");
            Button cancel = new Button(getTranslation("training.cancelOccurrence"), e ->
                    Dialogs.askText(this, "training.cancelOccurrence", "training.cancelOccurrencePrompt",
                            "training.cancelReason", "training.cancelOccurrence", true, TrainingService.MAX_REASON,
                            reason -> Actions.run(this, () -> {
                                trainings.cancel(id, reason);
                                reload();
                            })));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.setId("cancel-occurrence");
            actions.add(move, cancel);
        }
        Anchor edit = new Anchor("trainings/series/" + o.seriesId().value() + "/edit", getTranslation("training.editSeriesLink"));
        edit.setId("edit-series");
        Anchor allReviews = new Anchor("trainings/series/" + o.seriesId().value() + "/reviews",
                getTranslation("training.seriesReviews"));
        actions.add(edit, allReviews);
        panel.add(actions);
        panel.add(roster(o, now));
        panel.add(reviewsOf());
        return panel;
    }

    private void showCode() {
        Actions.call(this, () -> registrations.checkInCode(id)).ifPresent(code -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("training.checkInCode"));
            Span digits = new Span(code);
            digits.addClassName("check-in-code");
            digits.setId("check-in-code");
            Paragraph help = new Paragraph(getTranslation("training.codeHelp"));
            help.addClassName("muted");
            dialog.add(digits, help);
            dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
            dialog.open();
        });
    }

    private void moveDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("training.move"));
        dialog.setWidth("min(520px, 95vw)");
        DatePicker date = DatePickers.localize(new DatePicker(getTranslation("training.field.date")), getLocale());
        ZonedDateTime start = occurrence.start().atZone(DateFormats.THAILAND);
        date.setValue(start.toLocalDate());
        date.setMin(LocalDate.now(clock.withZone(DateFormats.THAILAND)));
        date.setId("move-date");
        TimePicker from = new TimePicker(getTranslation("training.field.start"), start.toLocalTime());
        from.setStep(Duration.ofMinutes(15));
        TimePicker to = new TimePicker(getTranslation("training.field.end"),
                occurrence.end().atZone(DateFormats.THAILAND).toLocalTime());
        to.setStep(Duration.ofMinutes(15));
        FormLayout form = new FormLayout(date, from, to);
        Paragraph note = new Paragraph(getTranslation("training.moveNote"));
        note.addClassName("muted");
        dialog.add(form, note);
        Button save = new Button(getTranslation("training.move"), e -> {
            if (Actions.run(this, () -> trainings.move(id, date.getValue(), from.getValue(), to.getValue()))) {
                dialog.close();
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("move-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** Registered people by organization with a check box each (phone-sized), then the waiting list. */
    private Component roster(Occurrence o, Instant now) {
        Div wrapper = new Div();
        wrapper.setId("roster");
        List<RosterEntry> roster = registrations.roster(id);
        long attended = roster.stream().filter(RosterEntry::attended).count();
        long registered = roster.stream().filter(e -> !e.waiting()).count();
        H4 heading = new H4(getTranslation("training.roster", registered, attended));
        heading.setId("roster-heading");
        wrapper.add(heading);
        boolean recording = !o.cancelled() && !now.isBefore(o.start().minus(Duration.ofHours(2)))
                && !now.isAfter(o.end().plus(RegistrationService.RECORD_LATE));
        if (!recording && !o.cancelled()) {
            Paragraph note = new Paragraph(getTranslation("training.recordingWindow"));
            note.addClassName("muted");
            wrapper.add(note);
        }
        if (roster.isEmpty()) {
            wrapper.add(new Paragraph(getTranslation("training.rosterEmpty")));
        }
        String organization = null;
        Div group = null;
        for (RosterEntry e : roster.stream().filter(x -> !x.waiting()).toList()) {
            if (!e.organizationName().equals(organization)) {
                organization = e.organizationName();
                group = new Div(new H4(organization));
                group.addClassName("roster-group");
                wrapper.add(group);
            }
            Checkbox present = new Checkbox(e.personName(), e.attended());
            present.setEnabled(recording);
            present.setId("attend-" + e.personId().value());
            present.addValueChangeListener(change -> {
                if (change.isFromClient() && !Actions.run(this,
                        () -> registrations.setAttended(id, e.personId(), change.getValue()))) {
                    present.setValue(change.getOldValue());
                }
            });
            Span by = new Span(e.walkIn() ? getTranslation("training.walkIn")
                    : getTranslation("training.registeredBy", e.registeredByName(),
                    DateFormats.dateTime(e.registeredAt(), getLocale())));
            by.addClassName("card-meta");
            Div row = new Div(present, by);
            row.addClassName("roster-row");
            group.add(row);
        }
        List<RosterEntry> waiting = roster.stream().filter(RosterEntry::waiting).toList();
        if (!waiting.isEmpty()) {
            wrapper.add(new H4(getTranslation("training.waitingList", waiting.size())));
            UnorderedList list = new UnorderedList();
            list.setId("waiting-list");
            waiting.forEach(e -> list.add(new ListItem(e.waitingPosition() + ". " + e.personName() + " · "
                    + e.organizationName())));
            wrapper.add(list);
        }
        if (recording) {
            wrapper.add(walkIn(o));
        }
        return wrapper;
    }

    /** Someone came who had not registered: pick them from the member organizations' people. */
    private Component walkIn(Occurrence o) {
        List<Person> everyone = new ArrayList<>();
        networks.memberOrganizations(o.networkId()).forEach(org -> everyone.addAll(people.peopleOf(org)));
        ComboBox<Person> person = new ComboBox<>();
        person.setItems(everyone);
        person.setItemLabelGenerator(Person::fullName);
        person.setPlaceholder(getTranslation("training.walkInPerson"));
        person.setAriaLabel(getTranslation("training.walkInPerson"));
        person.setId("walk-in-person");
        Button add = new Button(getTranslation("training.addWalkIn"), e -> {
            if (person.getValue() != null && Actions.run(this, () -> registrations.addWalkIn(id, person.getValue().id()))) {
                reload();
            }
        });
        add.setId("add-walk-in");
        Div row = new Div(person, add);
        row.addClassName("actions");
        return row;
    }

    /** The After Action Reviews of this occurrence, side by side. */
    private Component reviewsOf() {
        Div wrapper = new Div();
        wrapper.setId("reviews");
        List<Review> all = reviews.reviews(id);
        wrapper.add(new H4(getTranslation("training.review.all", all.size())));
        Div cards = new Div();
        cards.addClassName("card-list");
        for (Review r : all) {
            Div card = new Div();
            card.addClassNames("card", "review-card");
            Span who = new Span(r.personName() + " · " + r.organizationName());
            who.addClassName("card-title");
            card.add(who);
            answer(card, "expected", r.expected());
            answer(card, "happened", r.happened());
            answer(card, "better", r.better());
            answer(card, "suggestions", r.suggestions());
            cards.add(card);
        }
        wrapper.add(cards);
        return wrapper;
    }

    static void answer(Div card, String key, String text) {
        if (text == null) {
            return;
        }
        Span label = new Span(card.getTranslation("training.review." + key));
        label.addClassName("fact-label");
        Span value = new Span(text);
        value.addClassName("pre-line");
        card.add(label, value);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (occurrence == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        subscription = live.subscribe(TrainingService.topic(id), event -> ui.access(() -> {
            try {
                reload();
            } catch (AccessDeniedException | UserFacingException e) {
                removeAll();
                add(new Paragraph(getTranslation("error.notFound")));
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public String getPageTitle() {
        return occurrence == null ? getTranslation("training.title") : occurrence.topic();
    }
}
