package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A date range whose occurrences are more than one request may expand; the caller asks for a
 * shorter one.
 */
public class TooManyOccurrencesException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TooManyOccurrencesException(int maximum) {
    super("calendar.rule.tooManyOccurrences", maximum);
  }
}
