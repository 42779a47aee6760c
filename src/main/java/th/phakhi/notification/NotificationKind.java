package th.phakhi.notification;

/** What a notification is about; decides its icon and, later, the e-mail preference it follows. */
public enum NotificationKind {
    JOIN_REQUEST(EmailDelivery.DAILY),
    JOIN_DECISION(EmailDelivery.IMMEDIATE),
    INVITATION(EmailDelivery.IMMEDIATE),
    MEMBERSHIP(EmailDelivery.DAILY),
    CHARTER(EmailDelivery.DAILY),
    MENTION(EmailDelivery.DAILY),
    ANNOUNCEMENT(EmailDelivery.IMMEDIATE),
    REMINDER(EmailDelivery.IMMEDIATE),
    TRAINING(EmailDelivery.IMMEDIATE);

    private final EmailDelivery defaultEmail;

    NotificationKind(EmailDelivery defaultEmail) {
        this.defaultEmail = defaultEmail;
    }

    /** What a person gets by e-mail until they choose otherwise. */
    public EmailDelivery defaultEmail() {
        return defaultEmail;
    }

    public String nameKey() {
        return "notifications.kind." + name();
    }
}
