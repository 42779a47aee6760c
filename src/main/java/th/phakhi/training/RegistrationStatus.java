package th.phakhi.training;

/** Where a person stands for one occurrence. */
public enum RegistrationStatus {
    NONE, REGISTERED, WAITING, ATTENDED;

    public String nameKey() {
        return "training.status." + name();
    }
}
