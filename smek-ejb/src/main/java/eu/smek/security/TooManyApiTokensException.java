package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A user may hold a limited number of active API tokens. */
public class TooManyApiTokensException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TooManyApiTokensException(int limit) {
    super("security.apiToken.tooMany", limit);
  }
}
