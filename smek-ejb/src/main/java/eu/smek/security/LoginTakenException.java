package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Login names are unique. */
public class LoginTakenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public LoginTakenException(String login) {
    super("security.login.taken", login);
  }
}
