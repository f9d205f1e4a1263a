package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A change to the minutes while they are not a draft. */
public class MinutesNotEditableException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public MinutesNotEditableException() {
    super("telesession.minutes.notEditable");
  }
}
