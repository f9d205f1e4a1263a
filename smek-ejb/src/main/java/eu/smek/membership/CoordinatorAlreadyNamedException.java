package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A cell has one coordinator; another must first become a deputy or member. */
public class CoordinatorAlreadyNamedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CoordinatorAlreadyNamedException(String coordinator) {
    super("membership.rule.oneCoordinator", coordinator);
  }
}
