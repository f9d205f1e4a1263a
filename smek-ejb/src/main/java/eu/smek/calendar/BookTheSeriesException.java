package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A resource is booked by a whole series (or a single event), not by one of its overridden
 * occurrences: every occurrence of the series then holds it.
 */
public class BookTheSeriesException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public BookTheSeriesException() {
    super("calendar.rule.bookTheSeries");
  }
}
