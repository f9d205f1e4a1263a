package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The person is a member of the working group already. */
public class AlreadyAGroupMemberException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public AlreadyAGroupMemberException(String person) {
    super("membership.workingGroup.rule.alreadyMember", person);
  }
}
