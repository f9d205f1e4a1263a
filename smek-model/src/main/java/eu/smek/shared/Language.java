package eu.smek.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the user interface. Polish, Slovak and English are complete; Ukrainian,
 * Hungarian and Romanian become selectable as soon as their message bundle is dropped in (see
 * {@code Languages} in the web module).
 */
public enum Language {
  PL,
  SK,
  EN,
  UK,
  HU,
  RO;

  /** The language used when nothing else is known. */
  public static final Language DEFAULT = EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return Locale.forLanguageTag(code());
  }

  public static Optional<Language> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
  }
}
