package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A closed working group changes no more, until an association administrator reopens it. */
public class WorkingGroupClosedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public WorkingGroupClosedException() {
    super("membership.workingGroup.rule.closed");
  }
}
