package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An organisation has one membership case open at a time: finish or reject the open one first. */
public class CaseAlreadyOpenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CaseAlreadyOpenException() {
    super("membership.case.alreadyOpen");
  }
}
