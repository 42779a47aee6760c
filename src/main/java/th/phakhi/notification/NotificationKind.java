package th.phakhi.notification;

/** What a notification is about; decides its icon and, later, the e-mail preference it follows. */
public enum NotificationKind {
    JOIN_REQUEST, JOIN_DECISION, INVITATION, MEMBERSHIP, CHARTER, MENTION, ANNOUNCEMENT, REMINDER, TRAINING;
}
