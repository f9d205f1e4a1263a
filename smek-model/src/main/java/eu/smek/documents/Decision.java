package eu.smek.documents;

/** One approver's answer. */
public enum Decision {
  PENDING,
  APPROVED,
  REJECTED;

  public String messageKey() {
    return "documents.approval.decision." + name();
  }
}
