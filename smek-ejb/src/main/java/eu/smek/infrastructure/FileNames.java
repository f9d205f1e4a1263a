package eu.smek.infrastructure;

import java.text.Normalizer;

/**
 * Cleans the name a browser sends with an uploaded file. Letters of every language stay (Przemyśl,
 * Humenné, Ужгород), but no path, no control or formatting characters and nothing a shell or a
 * Content-Disposition header could misread; the name is never used as a path on disk.
 */
public final class FileNames {

  static final int MAXIMUM_LENGTH = 200;

  private FileNames() {}

  public static String clean(String submitted) {
    String name = submitted == null ? "" : Normalizer.normalize(submitted, Normalizer.Form.NFC);
    // Browsers on Windows may send the whole path.
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .filter(
            c ->
                Character.isLetterOrDigit(c)
                    || Character.getType(c) == Character.DASH_PUNCTUATION
                    || " .,_()".indexOf(c) >= 0)
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip().replaceAll("\\s+", " ").replaceAll("^\\.+", "");
    if (result.length() > MAXIMUM_LENGTH) {
      int dot = result.lastIndexOf('.');
      String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
      result = result.substring(0, MAXIMUM_LENGTH - extension.length()) + extension;
    }
    return result.isEmpty() ? "file" : result;
  }
}
