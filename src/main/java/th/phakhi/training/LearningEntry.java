package th.phakhi.training;

/** One line of a person's learning record. */
public record LearningEntry(Occurrence occurrence, RegistrationStatus status) {
}
