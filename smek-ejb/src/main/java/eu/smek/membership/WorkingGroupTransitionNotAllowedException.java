package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A working group's status cannot make this change, e.g. pausing a closed group. */
public class WorkingGroupTransitionNotAllowedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public WorkingGroupTransitionNotAllowedException(WorkingGroupStatus from, WorkingGroupStatus to) {
    super("membership.workingGroup.rule.notAllowed", from, to);
  }
}
