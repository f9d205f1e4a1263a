package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Attendance or a vote while the session is not open. */
public class TelesessionNotOpenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TelesessionNotOpenException() {
    super("telesession.notOpen");
  }
}
