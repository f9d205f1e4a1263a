package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A ballot from someone not present in the session for their organisation. */
public class NotPresentException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotPresentException() {
    super("telesession.vote.notPresent");
  }
}
