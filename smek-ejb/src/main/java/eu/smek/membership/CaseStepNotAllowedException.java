package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * The step does not fit where the case stands, e.g. a decision on a case that is already decided
 * (perhaps by another administrator a moment ago).
 */
public class CaseStepNotAllowedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CaseStepNotAllowedException(CaseStep step, CaseState state) {
    super("membership.case.stepNotAllowed", step, state);
  }
}
