package eu.smek.documents;

import eu.smek.shared.BusinessException;
import java.io.Serial;
import java.time.Instant;

/** Someone else has the document checked out: nobody else may add a version or check it out. */
public class DocumentLockedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public DocumentLockedException(String holder, Instant since) {
    super("documents.rule.locked", holder, java.util.Date.from(since));
  }
}
