package eu.smek.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as the directory searches it: lower case and without diacritics, so that "Przemysl" finds
 * Przemyśl and "Humenne" finds Humenné, as people type on a keyboard of another country. Entities
 * keep such a key in a column, because neither H2 nor PostgreSQL folds accents without extensions.
 */
public final class SearchKeys {

  private SearchKeys() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return decomposed
        .replace('ł', 'l')
        .replace('Ł', 'L')
        .replace('đ', 'd')
        .replace('Đ', 'D')
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }
}
