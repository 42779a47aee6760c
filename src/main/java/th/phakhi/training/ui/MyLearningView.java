package th.phakhi.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkService;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Dialogs;
import th.phakhi.shared.ui.Tag;
import th.phakhi.training.CalendarService;
import th.phakhi.training.LearningEntry;
import th.phakhi.training.RegistrationService;
import th.phakhi.training.RegistrationStatus;

/**
 * My learning record: what I registered for and attended, by year (Buddhist Era in Thai), with
 * certificates; and my calendar subscription (a secret address I can replace or switch off).
 */
@Route("me/learning")
@PermitAll
class MyLearningView extends Div implements HasDynamicTitle {

    private final RegistrationService registrations;
    private final CalendarService calendars;
    private final NetworkService networks;
    private final Clock clock;
    private final Div calendar = new Div();

    MyLearningView(RegistrationService registrations, CalendarService calendars, NetworkService networks, Clock clock) {
        this.registrations = registrations;
        this.calendars = calendars;
        this.networks = networks;
        this.clock = clock;
        addClassName("page");
        setId("my-learning");
        Anchor back = new Anchor("trainings", getTranslation("training.title"));
        back.addClassName("back-link");
        add(back, new H2(getTranslation("training.myRecord")));
        add(record());
        calendar.setId("calendar-subscription");
        add(calendar);
        renderCalendar(null);
    }

    private Component record() {
        Div wrapper = new Div();
        wrapper.setId("learning-record");
        List<LearningEntry> entries = registrations.myRecord();
        if (entries.isEmpty()) {
            wrapper.add(new Paragraph(getTranslation("training.record.empty")));
            return wrapper;
        }
        Instant now = clock.instant();
        Map<Integer, List<LearningEntry>> byYear = new LinkedHashMap<>();
        for (LearningEntry e : entries) {
            int year = DateFormats.displayYear(e.occurrence().start().atZone(DateFormats.THAILAND).toLocalDate(), getLocale());
            byYear.computeIfAbsent(year, y -> new java.util.ArrayList<>()).add(e);
        }
        byYear.forEach((year, list) -> {
            long attended = list.stream().filter(e -> e.status() == RegistrationStatus.ATTENDED).count();
            H3 heading = new H3(getTranslation("training.record.year", year, attended));
            heading.addClassName("month-heading");
            Div cards = new Div();
            cards.addClassName("occurrence-list");
            for (LearningEntry e : list) {
                OccurrenceCard card = new OccurrenceCard(e.occurrence(), getLocale(), now, true);
                if (e.status() == RegistrationStatus.REGISTERED && e.occurrence().over(now)) {
                    card.addBelow(new Tag(getTranslation("training.record.missed"), Tag.Tone.NEUTRAL));
                }
                if (e.status() == RegistrationStatus.ATTENDED) {
                    Anchor certificate = FileLinks.download(e.occurrence().id(), FileLinks.CERTIFICATE,
                            getTranslation("training.certificate"));
                    certificate.addClassName("certificate-link");
                    card.addBelow(certificate);
                }
                cards.add(card);
            }
            wrapper.add(heading, cards);
        });
        return wrapper;
    }

    /** The secret address, shown once when made; afterwards only when it was made. */
    private void renderCalendar(String freshUrl) {
        calendar.removeAll();
        calendar.add(new H3(getTranslation("training.calendar.title")));
        Paragraph intro = new Paragraph(getTranslation("training.calendar.intro"));
        intro.addClassName("muted");
        calendar.add(intro);
        var created = calendars.secretAddressCreated();
        if (freshUrl != null) {
            String secret = freshUrl.replaceAll(".*/calendar/([^/]+)/mine\\.ics$", "$1");
            calendar.add(copyable("training.calendar.mine", freshUrl, "calendar-url"));
            for (Network n : networks.myNetworks()) {
                calendar.add(copyable(null, calendars.networkFeedUrl(secret, n.id()), null, n.name(getLocale())));
            }
            Paragraph once = new Paragraph(getTranslation("training.calendar.once"));
            once.addClassName("muted");
            calendar.add(once);
        } else if (created.isPresent()) {
            calendar.add(new Paragraph(getTranslation("training.calendar.made",
                    DateFormats.dateTime(created.get(), getLocale()))));
        }
        Button make = new Button(getTranslation(created.isPresent() ? "training.calendar.replace" : "training.calendar.make"),
                e -> {
                    if (created.isPresent()) {
                        Dialogs.confirm(this, "training.calendar.replace", getTranslation("training.calendar.replaceWarning"),
                                "training.calendar.replace", false, this::makeAddress);
                    } else {
                        makeAddress();
                    }
                });
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.setId("make-calendar-address");
        Div actions = new Div(make);
        actions.addClassName("actions");
        if (created.isPresent()) {
            Button off = new Button(getTranslation("training.calendar.off"), e -> {
                if (Actions.run(this, calendars::removeSecretAddress)) {
                    renderCalendar(null);
                }
            });
            off.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(off);
        }
        calendar.add(actions);
    }

    private void makeAddress() {
        Actions.call(this, calendars::newSecretAddress).ifPresent(this::renderCalendar);
    }

    private Component copyable(String labelKey, String url, String id) {
        return copyable(labelKey, url, id, null);
    }

    private Component copyable(String labelKey, String url, String id, String label) {
        TextField field = new TextField(label != null ? label : getTranslation(labelKey));
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        if (id != null) {
            field.setId(id);
        }
        Button copy = new Button(getTranslation("training.calendar.copy"), e ->
                field.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div row = new Div(field, copy);
        row.addClassName("copy-row");
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.myRecord");
    }
}
