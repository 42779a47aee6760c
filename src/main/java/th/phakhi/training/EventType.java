package th.phakhi.training;

/** What kind of gathering it is (the Chiang Mai study's monthly training, academic meeting, …). */
public enum EventType {
    TRAINING, ACADEMIC_MEETING, NETWORK_MEETING, STUDY_VISIT;

    public String nameKey() {
        return "training.type." + name();
    }
}
