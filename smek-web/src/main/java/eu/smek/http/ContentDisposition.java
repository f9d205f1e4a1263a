package eu.smek.http;

import eu.smek.shared.SearchKeys;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} headers for downloads (RFC 6266), with the file's name twice: as
 * UTF-8 in {@code filename*} (RFC 8187, formerly 5987), which browsers prefer, and as plain ASCII
 * in {@code filename} for the few clients that do not read the first. The ASCII name drops
 * diacritics rather than the letters ("Uchwała" becomes "Uchwala"), so it stays readable.
 */
public final class ContentDisposition {

  private ContentDisposition() {}

  /** Saved by the browser under the given name. */
  public static String attachment(String name) {
    return header("attachment", name);
  }

  /** Shown by the browser where it can (PDF, images), saved under the given name otherwise. */
  public static String inline(String name) {
    return header("inline", name);
  }

  private static String header(String type, String name) {
    String shown = name == null || name.isBlank() ? "download" : name.strip();
    return type + "; filename=\"" + ascii(shown) + "\"; filename*=UTF-8''" + encoded(shown);
  }

  /** Letters without diacritics; anything else outside a safe set becomes {@code _}. */
  static String ascii(String name) {
    return SearchKeys.stripDiacritics(name)
        .replaceAll("\\p{Pd}", "-")
        .replaceAll("[^A-Za-z0-9._ ()-]", "_");
  }

  /** Percent-encoded UTF-8, leaving only RFC 8187's attr-char as they are. */
  static String encoded(String name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
