package eu.smek.calendar.ical;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the e-mail addresses and names that go into ORGANIZER, ATTENDEE and mail headers. An
 * address is one plain {@code local@domain} without spaces, control characters, quotes or angle
 * brackets, so it can neither break a property line nor add a mail header; names lose their control
 * characters (a line break in a name is a header injection, not a name).
 */
final class IcsAddresses {

  /** Deliberately narrower than RFC 5322: what real town-hall addresses look like. */
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251})");

  private static final int MAXIMUM_NAME = 200;

  private IcsAddresses() {}

  static boolean isEmail(String email) {
    return email != null
        && email.length() <= 254
        && EMAIL.matcher(email).matches()
        && !email.contains("..")
        && !email.endsWith(".")
        && email.substring(email.indexOf('@') + 1).contains(".");
  }

  static String email(String email) {
    if (!isEmail(email)) {
      throw new IllegalArgumentException("Not a plain e-mail address: " + printable(email));
    }
    return email;
  }

  /** The address out of a {@code mailto:} URI, or null when it is none. */
  static String fromMailto(String value) {
    if (value == null) {
      return null;
    }
    String address = value.trim();
    if (address.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
      address = address.substring("mailto:".length());
    }
    return isEmail(address) ? address : null;
  }

  /** A name for a CN parameter or a mail header: one line, no control characters, bounded. */
  static String name(String name) {
    if (name == null) {
      return null;
    }
    String line = oneLine(name);
    if (line.length() > MAXIMUM_NAME) {
      line = line.substring(0, MAXIMUM_NAME);
    }
    return line.isEmpty() ? null : line;
  }

  /** Control characters (line breaks above all) become spaces; the result is trimmed. */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return line.toString().strip();
  }

  private static String printable(String value) {
    return value == null ? "null" : oneLine(value);
  }
}
