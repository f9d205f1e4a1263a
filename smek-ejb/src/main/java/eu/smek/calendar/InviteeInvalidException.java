package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * An invitation to something that cannot be invited: an unknown kind, or a space of the wrong kind.
 */
public class InviteeInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InviteeInvalidException() {
    super("calendar.invitation.inviteeInvalid");
  }
}
