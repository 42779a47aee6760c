package th.phakhi.training.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.training.Occurrence;
import th.phakhi.training.Review;
import th.phakhi.training.ReviewService;
import th.phakhi.training.SeriesId;
import th.phakhi.training.TrainingService;

/** Every After Action Review of a series, occurrence by occurrence (secretariat). */
@Route("trainings/series/:seriesId/reviews")
@PermitAll
class SeriesReviewsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingService trainings;
    private final ReviewService reviews;
    private String topic = "";

    SeriesReviewsView(TrainingService trainings, ReviewService reviews) {
        this.trainings = trainings;
        this.reviews = reviews;
        addClassName("page");
        setId("series-reviews");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SeriesId id = new SeriesId(event.getRouteParameters().get("seriesId").orElse(""));
        List<Occurrence> occurrences;
        List<Review> all;
        try {
            occurrences = trainings.occurrences(id);
            all = reviews.seriesReviews(id);
        } catch (AccessDeniedException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        topic = occurrences.isEmpty() ? "" : occurrences.getFirst().topic();
        Anchor back = new Anchor(occurrences.isEmpty() ? "trainings" : "trainings/" + occurrences.getFirst().id().value(),
                topic);
        back.addClassName("back-link");
        add(back, new H2(getTranslation("training.seriesReviews")));
        if (all.isEmpty()) {
            add(new Paragraph(getTranslation("training.review.none")));
        }
        for (Occurrence o : occurrences) {
            List<Review> ofThis = all.stream().filter(r -> r.occurrenceId().equals(o.id())).toList();
            if (ofThis.isEmpty()) {
                continue;
            }
            add(new H3(DateFormats.date(o.start(), getLocale()) + " · " + getTranslation("training.review.all", ofThis.size())));
            Div cards = new Div();
            cards.addClassName("card-list");
            for (Review r : ofThis) {
                Div card = new Div();
                card.addClassNames("card", "review-card");
                Span who = new Span(r.personName() + " · " + Objects.requireNonNullElse(r.organizationName(), ""));
                who.addClassName("card-title");
                card.add(who);
                OccurrenceView.answer(card, "expected", r.expected());
                OccurrenceView.answer(card, "happened", r.happened());
                OccurrenceView.answer(card, "better", r.better());
                OccurrenceView.answer(card, "suggestions", r.suggestions());
                cards.add(card);
            }
            add(cards);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.seriesReviews") + " · " + topic;
    }
}
