package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Joining a session one may see but is not invited to. */
public class NotInvitedToTelesessionException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotInvitedToTelesessionException() {
    super("telesession.notInvited");
  }
}
