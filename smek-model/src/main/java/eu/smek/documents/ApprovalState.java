package eu.smek.documents;

/** Where a document version stands in its approval. */
public enum ApprovalState {
  NOT_SUBMITTED,
  PENDING,
  APPROVED,
  REJECTED;

  public String messageKey() {
    return "documents.approval.state." + name();
  }
}
