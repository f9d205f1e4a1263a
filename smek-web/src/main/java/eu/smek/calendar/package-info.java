/**
 * Calendars on the web: the REST API under {@code /api/v1/calendar} (the calendars a user sees, the
 * occurrences of a date range expanded in the reader's time zone, and adding, changing and deleting
 * events with their edit scope). The pages (PrimeFaces Schedule) come later. What a user may see
 * and change is always decided by {@code CalendarService}.
 */
package eu.smek.calendar;
