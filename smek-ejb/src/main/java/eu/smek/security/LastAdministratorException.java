package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The network always keeps one active association administrator. */
public class LastAdministratorException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public LastAdministratorException() {
    super("security.account.lastAdministrator");
  }
}
