package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An event that ends before it starts, or an all-day event whose times are not whole days. */
public class EventTimesInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public EventTimesInvalidException() {
    super("calendar.rule.endBeforeStart");
  }
}
