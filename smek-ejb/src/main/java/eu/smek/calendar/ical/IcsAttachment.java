package eu.smek.calendar.ical;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document attached to an event by its address (ATTACH with a URI, RFC 5545 3.8.1.1): calendar
 * programs offer it as a link, so the file is fetched, and its reading right checked, when opened.
 *
 * @param uri an absolute http(s) address
 * @param mediaType the file's media type without parameters ({@code application/pdf}), or null when
 *     it is not one
 */
public record IcsAttachment(URI uri, String mediaType) {

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  public IcsAttachment {
    Objects.requireNonNull(uri, "uri");
    if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("An attachment is an absolute http(s) address: " + uri);
    }
    // Parameters (charset) are left out: FMTTYPE names the type; anything else is no type at all.
    String type =
        mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    mediaType = MEDIA_TYPE.matcher(type).matches() ? type : null;
  }
}
