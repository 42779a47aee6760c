/**
 * Announcements of a network's secretariat: categories, audience (network or one working group),
 * scheduling and expiry, pinning, acknowledgement per member organization with reminders and CSV
 * export, replies, and the network's public news page with an Atom feed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Announcements")
package th.phakhi.announcement;
