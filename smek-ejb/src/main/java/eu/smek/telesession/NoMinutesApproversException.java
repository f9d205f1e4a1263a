package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Submitting minutes of a session that no member town attended. */
public class NoMinutesApproversException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NoMinutesApproversException() {
    super("telesession.minutes.noParticipants");
  }
}
