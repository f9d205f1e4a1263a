package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An attachment that would bring an event (its series) over the most documents it may have. */
public class TooManyAttachmentsException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TooManyAttachmentsException(int maximum) {
    super("calendar.attachment.tooMany", maximum);
  }
}
