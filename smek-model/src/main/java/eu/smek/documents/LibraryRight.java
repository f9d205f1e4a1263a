package eu.smek.documents;

/** What someone may do in a library, each right including the ones before it. */
public enum LibraryRight {
  NONE,
  /** See and download its documents. */
  READ,
  /** Also add documents and versions, check documents out, edit their metadata. */
  UPLOAD,
  /** Also change the library, its folders and rights, break locks, delete documents. */
  MANAGE;

  public boolean includes(LibraryRight other) {
    return compareTo(other) >= 0;
  }

  public String messageKey() {
    return "documents.right." + name();
  }
}
