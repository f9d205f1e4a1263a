package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A change of a session, or its agenda, after it opened. */
public class TelesessionNotEditableException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TelesessionNotEditableException() {
    super("telesession.notEditable");
  }
}
