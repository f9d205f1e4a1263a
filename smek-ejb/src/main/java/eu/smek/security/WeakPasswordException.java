package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A new password breaks the {@link PasswordPolicy}; the key names the rule. */
public class WeakPasswordException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public WeakPasswordException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
