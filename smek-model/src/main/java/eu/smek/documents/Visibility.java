package eu.smek.documents;

/** Who may read a library or folder besides the members of its space, from narrowest to widest. */
public enum Visibility {
  /** Only the members of the space. */
  PRIVATE,
  /** Every signed-in member of the network. */
  NETWORK,
  /** Everyone, also on the public portal. */
  PUBLIC;

  /** The narrower of the two: a folder never shows more than its library does. */
  public Visibility narrowest(Visibility other) {
    return other == null || compareTo(other) <= 0 ? this : other;
  }

  public String messageKey() {
    return "documents.visibility." + name();
  }
}
