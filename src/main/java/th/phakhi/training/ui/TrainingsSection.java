package th.phakhi.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import th.phakhi.network.NetworkDetails;
import th.phakhi.network.NetworkHomeSection;
import th.phakhi.shared.i18n.Language;
import th.phakhi.training.Occurrence;
import th.phakhi.training.TrainingService;

/** The next events on a network's page, with links to all events, scheduling and attendance. */
@org.springframework.stereotype.Component
class TrainingsSection implements NetworkHomeSection {

    private final TrainingService trainings;
    private final Clock clock;

    TrainingsSection(TrainingService trainings, Clock clock) {
        this.trainings = trainings;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(NetworkDetails details) {
        if (!details.isMember() && !details.isSecretariat()) {
            return Optional.empty();
        }
        Div section = new Div();
        section.setId("network-trainings");
        section.add(new H3(section.getTranslation("training.upcoming")));
        Instant now = clock.instant();
        List<Occurrence> next = trainings.between(Optional.of(details.network().id()),
                now.minus(Duration.ofHours(12)), now.plus(Duration.ofDays(400))).stream()
                .filter(o -> !o.over(now)).limit(3).toList();
        if (next.isEmpty()) {
            section.add(new Paragraph(section.getTranslation("training.none")));
        }
        Div cards = new Div();
        cards.addClassName("occurrence-list");
        Locale locale = UI.getCurrent() == null ? Language.DEFAULT.locale() : UI.getCurrent().getLocale();
        next.forEach(o -> cards.add(new OccurrenceCard(o, locale, now, false)));
        section.add(cards);
        Div links = new Div();
        links.addClassName("actions");
        String id = details.network().id().value();
        Anchor all = new Anchor("trainings?network=" + id, section.getTranslation("training.all"));
        all.addClassName("primary-link");
        links.add(all);
        if (details.isSecretariat()) {
            Anchor schedule = new Anchor("networks/" + id + "/trainings/new", section.getTranslation("training.schedule"));
            schedule.addClassName("primary-link");
            schedule.setId("network-schedule-training");
            Anchor attendance = new Anchor("networks/" + id + "/trainings/attendance",
                    section.getTranslation("training.attendance.title"));
            attendance.addClassName("primary-link");
            links.add(schedule, attendance);
        }
        section.add(links);
        return Optional.of(section);
    }
}
