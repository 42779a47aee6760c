package th.phakhi.notification;

import java.util.Set;
import th.phakhi.security.AccountId;

/** Published after notifications were stored, so open screens can refresh their bell at once. */
public record NotificationPosted(Set<AccountId> recipients) {
}
