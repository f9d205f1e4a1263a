package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A move to a status that is not the next one of the session. */
public class IllegalTransitionException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public IllegalTransitionException(TelesessionStatus from, TelesessionStatus to) {
    super("telesession.status.illegal", from, to);
  }
}
