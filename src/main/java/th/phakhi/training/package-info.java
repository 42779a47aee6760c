/**
 * Trainings and events of a network: single events and RFC 5545 recurring series (ical4j),
 * registration with a waiting list promoted first come first served, reminders, attendance (roster
 * check-in and self check-in codes), After Action Reviews, each person's learning record with
 * certificates, and iCalendar feeds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trainings")
package th.phakhi.training;
