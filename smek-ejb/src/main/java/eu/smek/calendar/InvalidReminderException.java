package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A reminder with a lead time the calendar does not offer, or by no way at all. */
public class InvalidReminderException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InvalidReminderException() {
    super("calendar.rule.invalidReminder");
  }
}
