package eu.smek.calendar.ical;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An .ics file refused whole: too large, too complex, not iCalendar, or broken. */
public class IcsRejectedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  private IcsRejectedException(String key, Object... arguments) {
    super(key, arguments);
  }

  public static IcsRejectedException tooLarge(long maximumBytes) {
    return new IcsRejectedException("calendar.ical.tooLarge", Math.max(1, maximumBytes / 1024));
  }

  static IcsRejectedException tooManyComponents(int maximum) {
    return new IcsRejectedException("calendar.ical.tooManyComponents", maximum);
  }

  /** An RRULE or EXDATE list beyond the limits; the argument is the event's title or UID. */
  static IcsRejectedException ruleTooComplex(String event) {
    return new IcsRejectedException("calendar.ical.ruleTooComplex", event);
  }

  /** Binary, another text format, or not UTF-8. */
  static IcsRejectedException notICalendar() {
    return new IcsRejectedException("calendar.ical.notICalendar");
  }

  /** ical4j could not parse the file; the line is 0 when it does not say. */
  static IcsRejectedException malformed(int line) {
    return new IcsRejectedException("calendar.ical.malformed", line);
  }
}
