package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Every organisation has its own code. */
public class OrganisationCodeTakenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public OrganisationCodeTakenException(String code) {
    super("membership.rule.codeTaken", code);
  }
}
