package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An answer that is none: taking an answer back to "no answer yet". */
public class AnswerInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public AnswerInvalidException() {
    super("calendar.invitation.answerInvalid");
  }
}
