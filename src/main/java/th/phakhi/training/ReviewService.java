package th.phakhi.training;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.Person;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.Validation;
import th.phakhi.training.internal.OccurrenceDocument;
import th.phakhi.training.internal.ReviewDocument;

/**
 * After Action Reviews: once an event has started, each person who attended answers the four
 * questions (and may revise their answers); the secretariat reads all answers for an occurrence
 * side by side, and for a whole series.
 */
@Service
public class ReviewService {

    public static final int MAX_ANSWER = 4_000;

    private final MongoTemplate mongo;
    private final TrainingService trainings;
    private final DirectoryAccess directoryAccess;
    private final Clock clock;

    ReviewService(MongoTemplate mongo, TrainingService trainings, DirectoryAccess directoryAccess, Clock clock) {
        this.mongo = mongo;
        this.trainings = trainings;
        this.directoryAccess = directoryAccess;
        this.clock = clock;
    }

    /** Saves the signed-in attendee's review (replacing their earlier answers). */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public void submit(OccurrenceId id, ReviewForm form) {
        OccurrenceDocument o = trainings.load(id);
        Person me = directoryAccess.currentPerson().orElseThrow(() -> new UserFacingException("training.error.noPerson"));
        boolean attended = o.registrations.stream().anyMatch(e -> e.personId.equals(me.id().value()) && e.attendedAt != null);
        if (!attended) {
            throw new UserFacingException("training.error.reviewNotAttended");
        }
        if (clock.instant().isBefore(o.start)) {
            throw new UserFacingException("training.error.reviewTooEarly");
        }
        ReviewDocument doc = new ReviewDocument();
        doc.id = o.id + ":" + me.id().value();
        doc.occurrenceId = o.id;
        doc.seriesId = o.seriesId;
        doc.personId = me.id().value();
        doc.personName = me.fullName();
        doc.organizationName = o.registrations.stream().filter(e -> e.personId.equals(me.id().value())).findFirst()
                .map(e -> e.organizationName).orElse("");
        doc.expected = Validation.optional(form.expected(), MAX_ANSWER);
        doc.happened = Validation.optional(form.happened(), MAX_ANSWER);
        doc.better = Validation.optional(form.better(), MAX_ANSWER);
        doc.suggestions = Validation.optional(form.suggestions(), MAX_ANSWER);
        if (Stream.of(doc.expected, doc.happened, doc.better, doc.suggestions).allMatch(a -> a == null)) {
            throw new UserFacingException("training.error.reviewEmpty");
        }
        doc.at = clock.instant();
        mongo.save(doc);
    }

    /** The signed-in person's own review of an occurrence, if they wrote one. */
    @PreAuthorize("@trainingAccess.canView(#id)")
    public Optional<Review> mine(OccurrenceId id) {
        return directoryAccess.currentPerson()
                .map(me -> mongo.findById(id.value() + ":" + me.id().value(), ReviewDocument.class))
                .map(this::toReview);
    }

    /** All reviews of one occurrence, oldest first. */
    @PreAuthorize("@trainingAccess.canManage(#id)")
    public List<Review> reviews(OccurrenceId id) {
        return mongo.find(Query.query(Criteria.where("occurrenceId").is(id.value())).with(Sort.by("at")),
                ReviewDocument.class).stream().map(this::toReview).toList();
    }

    /** All reviews of every occurrence of a series, by occurrence. */
    @PreAuthorize("@trainingAccess.canManageSeries(#id)")
    public List<Review> seriesReviews(SeriesId id) {
        return mongo.find(Query.query(Criteria.where("seriesId").is(id.value())).with(Sort.by("occurrenceId", "at")),
                ReviewDocument.class).stream().map(this::toReview).toList();
    }

    private Review toReview(ReviewDocument d) {
        OccurrenceDocument o = mongo.findById(d.occurrenceId, OccurrenceDocument.class);
        return new Review(new OccurrenceId(d.occurrenceId), o == null ? null : o.start, d.personName, d.organizationName,
                d.expected, d.happened, d.better, d.suggestions, d.at);
    }
}
