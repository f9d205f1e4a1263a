package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An admission, reinstatement, suspension or withdrawal must be backed by its document. */
public class DocumentRequiredException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public DocumentRequiredException(MembershipStatus to) {
    super("membership.rule.documentRequired", to);
  }
}
