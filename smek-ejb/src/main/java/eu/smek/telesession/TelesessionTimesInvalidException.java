package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A session that ends before it starts. */
public class TelesessionTimesInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TelesessionTimesInvalidException() {
    super("telesession.timesInvalid");
  }
}
