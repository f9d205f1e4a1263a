package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An answer from someone who is not invited to the event. */
public class NotInvitedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotInvitedException() {
    super("calendar.invitation.notInvited");
  }
}
