package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The person is not a member of the working group, so cannot be removed from it. */
public class NotAGroupMemberException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotAGroupMemberException(String person) {
    super("membership.workingGroup.rule.notMember", person);
  }
}
