package th.phakhi.announcement;

import java.time.Instant;

/** A member's reply below an announcement (plain text, shown as typed). */
public record Reply(String id, String authorName, String organizationName, String text, Instant at) {
}
