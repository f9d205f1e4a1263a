package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** History runs forward: a change cannot take effect before the one before it. */
public class EffectiveDateBeforeLastChangeException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public EffectiveDateBeforeLastChangeException() {
    super("membership.rule.beforeLastChange");
  }
}
