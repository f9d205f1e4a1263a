package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A person without an e-mail address cannot be invited. */
public class PersonHasNoEmailException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public PersonHasNoEmailException() {
    super("security.invitation.noEmail");
  }
}
