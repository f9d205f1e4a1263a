package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Publishing minutes that not every town present has approved. */
public class MinutesNotApprovedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public MinutesNotApprovedException() {
    super("telesession.minutes.notApproved");
  }
}
