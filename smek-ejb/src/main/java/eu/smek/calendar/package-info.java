/**
 * The calendar's business service: who sees which calendars and events, creating, changing and
 * deleting events with the edit scopes of recurring series (one occurrence, this and following, the
 * whole series), and the occurrences of a date range expanded with ical4j ({@link
 * eu.smek.calendar.Recurrences}), and invitations: attendees, their answers in the application or
 * by the e-mail's link, free/busy and the iMIP e-mails ({@link eu.smek.calendar.Invitations}). The
 * iCalendar library itself is in {@code eu.smek.calendar.ical}.
 */
package eu.smek.calendar;
