package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * The membership lifecycle does not allow this change, e.g. suspending a town that is not a member.
 */
public class TransitionNotAllowedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TransitionNotAllowedException(MembershipStatus from, MembershipStatus to) {
    super("membership.rule.notAllowed", from, to);
  }
}
