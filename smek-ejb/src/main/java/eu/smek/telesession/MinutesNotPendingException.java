package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An answer while the minutes are not waiting for approval. */
public class MinutesNotPendingException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public MinutesNotPendingException() {
    super("telesession.minutes.notPending");
  }
}
