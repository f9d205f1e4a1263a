package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The person already has an account. */
public class PersonHasAccountException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public PersonHasAccountException() {
    super("security.invitation.hasAccount");
  }
}
