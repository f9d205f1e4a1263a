package eu.smek.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an event's occurrences span, which bounds the range query from below (migrations 17 and
 * 19): an event of a class reaching into a window starts at most its span before the window, so the
 * query reads only that slice of the range index, not the calendar's whole past.
 */
public enum RangeClass {
  /** At most three days: single events, a one-day all-day event with its margins included. */
  BRIEF(Duration.ofDays(3)),
  /** At most 92 days: short series. */
  SHORT(Duration.ofDays(92)),
  /** Longer or unending series, read from their start. */
  LONG(null);

  private final Duration span;

  RangeClass(Duration span) {
    this.span = span;
  }

  /** The longest span of the class; empty for the longest class. */
  public Optional<Duration> span() {
    return Optional.ofNullable(span);
  }

  /** The class of a range; an empty end: unending. */
  public static RangeClass of(Instant start, Instant end) {
    if (end == null) {
      return LONG;
    }
    Duration length = Duration.between(start, end);
    for (RangeClass rangeClass : values()) {
      if (rangeClass.span != null && length.compareTo(rangeClass.span) <= 0) {
        return rangeClass;
      }
    }
    return LONG;
  }
}
