package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A step of a membership case lacks its document: the council's resolution for an application, the
 * signed document to complete a case, or anything at all as a supplement.
 */
public class CaseDocumentRequiredException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public CaseDocumentRequiredException(String messageKey) {
    super(messageKey);
  }
}
