package th.phakhi.notification;

/** When a kind of notification also reaches someone by e-mail. */
public enum EmailDelivery {
    IMMEDIATE, DAILY, NEVER;

    public String nameKey() {
        return "notifications.email." + name();
    }
}
