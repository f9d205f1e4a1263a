package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An answer from someone whose town was not asked to approve the minutes. */
public class NotMinutesApproverException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotMinutesApproverException() {
    super("telesession.minutes.notApprover");
  }
}
