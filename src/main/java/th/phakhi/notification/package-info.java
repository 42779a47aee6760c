/**
 * Notifications: what happened that concerns one person (a join decision, an invitation, later
 * mentions and announcements), each linking to its subject; read state per person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package th.phakhi.notification;
