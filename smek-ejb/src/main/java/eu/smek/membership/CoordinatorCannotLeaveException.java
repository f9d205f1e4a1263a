package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A working group's coordinator stays a member until another member is named coordinator. */
public class CoordinatorCannotLeaveException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CoordinatorCannotLeaveException(String person) {
    super("membership.workingGroup.rule.coordinatorStays", person);
  }
}
