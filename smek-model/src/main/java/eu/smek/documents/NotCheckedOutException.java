package eu.smek.documents;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Checking in a document that nobody has checked out. */
public class NotCheckedOutException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotCheckedOutException() {
    super("documents.rule.notCheckedOut");
  }
}
