package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A working group needs a name in at least one language. */
public class WorkingGroupNameRequiredException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public WorkingGroupNameRequiredException() {
    super("membership.workingGroup.rule.nameRequired");
  }
}
