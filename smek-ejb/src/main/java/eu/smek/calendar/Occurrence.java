package eu.smek.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One occurrence of an event in a date range: a single event, one of a series, or an overridden
 * occurrence (then {@code event} is the override). Start and end are in the event's zone; an
 * all-day occurrence is the same dates wherever it is shown.
 *
 * @param recurrenceId the occurrence's original start in the series' zone (RECURRENCE-ID), empty
 *     for a single event
 */
public record Occurrence(
    CalendarEvent event, LocalDateTime recurrenceId, ZonedDateTime start, ZonedDateTime end) {

  /** The start as a reader in another zone sees it; an all-day event's midnight stays one. */
  public LocalDateTime startIn(ZoneId zone) {
    return event.isAllDay()
        ? start.toLocalDateTime()
        : start.withZoneSameInstant(zone).toLocalDateTime();
  }

  public LocalDateTime endIn(ZoneId zone) {
    return event.isAllDay()
        ? end.toLocalDateTime()
        : end.withZoneSameInstant(zone).toLocalDateTime();
  }

  public LocalDate startDate() {
    return start.toLocalDate();
  }

  /** The last day of an all-day occurrence (its end is the midnight after). */
  public LocalDate lastDate() {
    return end.toLocalDate().minusDays(1);
  }
}
