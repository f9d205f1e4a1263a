package eu.smek.shared;

/**
 * Who may see something besides the members of its space, from narrowest to widest: a document
 * library or folder, a calendar event.
 */
public enum Visibility implements Translatable {
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

  /** The key keeps the documents' prefix: that is where the bundles have always had it. */
  @Override
  public String messageKey() {
    return "documents.visibility." + name();
  }
}
