package eu.smek.calendar;

import eu.smek.calendar.ical.IcsNotice;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What importing an iCalendar file does (the preview) or did: each event read and what becomes of
 * it, and what was left out or interpreted, said once each.
 */
public record CalendarImport(List<Item> items, List<IcsNotice> notices) {

  public enum Action {
    /** A new event in the calendar. */
    NEW,
    /** The calendar has the event (same UID) already: it takes the file's version. */
    UPDATE,
    /** Left out; a notice says why. */
    SKIP;

    public String messageKey() {
      return "calendar.import.action." + name();
    }
  }

  /**
   * One event of the file.
   *
   * @param start in the event's zone
   * @param occurrence whether it overrides one occurrence of a series
   */
  public record Item(
      String title,
      LocalDateTime start,
      String zone,
      boolean allDay,
      String rrule,
      boolean occurrence,
      Action action) {}

  public CalendarImport {
    items = List.copyOf(items);
    notices = List.copyOf(notices);
  }

  public long count(Action action) {
    return items.stream().filter(item -> item.action() == action).count();
  }
}
