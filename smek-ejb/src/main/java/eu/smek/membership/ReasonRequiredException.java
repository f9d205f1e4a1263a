package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A refusal, suspension or withdrawal must say why. */
public class ReasonRequiredException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ReasonRequiredException(MembershipStatus to) {
    super("membership.rule.reasonRequired", to);
  }
}
