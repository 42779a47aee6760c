package th.phakhi.training;

/** How a series repeats; each becomes an RFC 5545 rule (see {@link Recurrences}). */
public enum Repeat {
    /** A single event. */
    NONE,
    WEEKLY,
    /** The same weekday of the month as the first date: "every first Wednesday" (the last one when it is the fifth). */
    MONTHLY_BY_WEEKDAY,
    /** The same day of the month as the first date. */
    MONTHLY_BY_DATE;

    public String nameKey() {
        return "training.repeat." + name();
    }
}
