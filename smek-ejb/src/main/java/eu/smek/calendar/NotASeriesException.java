package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * An edit that needs a recurring event (splitting a series) on one that does not recur, or on an
 * overridden occurrence.
 */
public class NotASeriesException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotASeriesException() {
    super("calendar.rule.notASeries");
  }
}
