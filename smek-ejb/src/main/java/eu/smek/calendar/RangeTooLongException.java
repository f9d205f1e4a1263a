package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A date range that is empty, reversed or longer than a request may ask for. */
public class RangeTooLongException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public RangeTooLongException(long maximumDays) {
    super("calendar.rule.rangeTooLong", maximumDays);
  }
}
