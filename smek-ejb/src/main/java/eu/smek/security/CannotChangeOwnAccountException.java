package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Nobody deactivates their own account (they could not undo it). */
public class CannotChangeOwnAccountException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CannotChangeOwnAccountException() {
    super("security.account.notYourself");
  }
}
