package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A recurrence rule that is not valid RFC 5545, or asks for more than the calendar offers (times of
 * day in the rule, more often than daily, too many occurrences). The detail names the part at
 * fault.
 */
public class InvalidRecurrenceException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InvalidRecurrenceException(String detail) {
    super("calendar.rule.invalidRecurrence", detail);
  }
}
