package eu.smek.shared;

/**
 * A value with a translated name, such as a status. When one is an argument of a message, the
 * message shows its translation rather than its constant's name.
 */
public interface Translatable {

  /** The key of the translated name in the {@code messages} bundle. */
  String messageKey();
}
