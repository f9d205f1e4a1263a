package eu.smek.documents;

/** What kind of official document it is, for filtering and for the register. */
public enum DocumentType {
  AGREEMENT,
  DECLARATION,
  MINUTES,
  RESOLUTION,
  REPORT,
  PRESENTATION,
  OTHER;

  public String messageKey() {
    return "documents.type." + name();
  }
}
