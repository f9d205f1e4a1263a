package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A withdrawal of an invitation once the session has closed: who was invited is then on record. */
public class InvitationsClosedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InvitationsClosedException() {
    super("telesession.invitation.closed");
  }
}
