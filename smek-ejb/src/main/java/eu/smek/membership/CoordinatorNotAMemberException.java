package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Only a member of a working group can coordinate it. */
public class CoordinatorNotAMemberException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CoordinatorNotAMemberException(String person) {
    super("membership.workingGroup.rule.coordinatorNotMember", person);
  }
}
