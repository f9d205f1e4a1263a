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
    return stripDiacritics(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /** The text with its letters' diacritics dropped and its case kept: "Łańcut" is "Lancut". */
  public static String stripDiacritics(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('ł', 'l')
        .replace('Ł', 'L')
        .replace('đ', 'd')
        .replace('Đ', 'D');
  }
}
