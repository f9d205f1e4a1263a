package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An invitation that would bring an event over the most attendees it may have. */
public class TooManyAttendeesException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TooManyAttendeesException(int maximum) {
    super("calendar.invitation.tooMany", maximum);
  }
}
