package eu.smek.documents;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An approver that is no active account or no member organisation of the network. */
public class ApproverNotFoundException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ApproverNotFoundException(long id) {
    super("documents.approval.rule.unknownApprover", id);
  }
}
