package eu.smek.documents;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The document versions waiting for the user's approval, or for their town's when they coordinate
 * it, oldest first; each opens the document, where the user approves or rejects.
 */
@Named
@RequestScoped
public class ListApprovals {

  @Inject private DocumentService documents;

  private List<Approval> approvals = List.of();

  public void load() {
    approvals = documents.myPendingApprovals();
  }

  public List<Approval> getApprovals() {
    return approvals;
  }
}
