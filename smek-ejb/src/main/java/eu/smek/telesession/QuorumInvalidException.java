package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A quorum rule that is not a fraction between 0 and 1 with a denominator up to the maximum. */
public class QuorumInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public QuorumInvalidException(int maximum) {
    super("telesession.quorum.invalid", maximum);
  }
}
