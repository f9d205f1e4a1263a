/**
 * The calendar's business service: who sees which calendars and events, creating, changing and
 * deleting events with the edit scopes of recurring series (one occurrence, this and following, the
 * whole series), and the occurrences of a date range expanded with ical4j ({@link
 * eu.smek.calendar.Recurrences}); invitations: attendees, their answers in the application or by
 * the e-mail's link, free/busy and the iMIP e-mails ({@link eu.smek.calendar.Invitations}); the
 * town halls' rooms and equipment and the events that book them, with the rule that no two
 * overlapping events hold one ({@link eu.smek.calendar.BookingOverlaps}); reminders, and iCalendar
 * export, import and subscription feeds ({@link eu.smek.calendar.CalendarIcs}). The iCalendar
 * library itself is in {@code eu.smek.calendar.ical}.
 */
package eu.smek.calendar;
