package eu.smek.infrastructure;

import java.util.Locale;

/** Text search with SQL LIKE: what the user typed is matched literally, anywhere in the text. */
public final class Like {

  private Like() {}

  /** A LIKE pattern (escape character {@code \}) matching the text anywhere, lower case. */
  public static String contains(String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
