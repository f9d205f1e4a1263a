package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An operation for the signed-in user was called without one (e.g. after the session ended). */
public class NotSignedInException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotSignedInException() {
    super("error.notSignedIn");
  }
}
