package th.phakhi.training.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One attendee's After Action Review of one occurrence ({@code _id}: occurrence id and person id). */
@Document("training_reviews")
public class ReviewDocument {
    @Id
    public String id;
    @Indexed
    public String occurrenceId;
    @Indexed
    public String seriesId;
    public String personId;
    public String personName;
    public String organizationName;
    public String expected;
    public String happened;
    public String better;
    public String suggestions;
    public Instant at;
}
