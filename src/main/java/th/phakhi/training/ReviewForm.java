package th.phakhi.training;

/** The After Action Review's four questions (the best-practice programme's form). */
public record ReviewForm(String expected, String happened, String better, String suggestions) {
}
