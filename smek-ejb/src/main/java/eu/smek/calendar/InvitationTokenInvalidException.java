package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * An answer link whose secret matches no invitation (mistyped, withdrawn, replaced by a newer
 * e-mail's link) or whose event is over.
 */
public class InvitationTokenInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InvitationTokenInvalidException() {
    super("calendar.invitation.tokenInvalid");
  }
}
