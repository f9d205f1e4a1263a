package eu.smek.documents;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * An approval step that the version's state does not allow: submitting a version that is already
 * pending or approved, or an older version; deciding twice; deciding for someone else.
 */
public class ApprovalNotAllowedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ApprovalNotAllowedException(String reasonKey) {
    super(reasonKey);
  }
}
