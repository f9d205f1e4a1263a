package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Minutes longer than they may be. */
public class MinutesTooLongException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public MinutesTooLongException(int maximum) {
    super("telesession.minutes.tooLong", maximum);
  }
}
