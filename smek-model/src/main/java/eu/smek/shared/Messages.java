package eu.smek.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The translated texts of the application, in {@code eu/smek/i18n/messages*.properties}. The base
 * bundle is English; a language never falls back to the server's default locale, so an English user
 * on a server set to Polish still reads English.
 */
public final class Messages {

  public static final String BUNDLE = "eu.smek.i18n.messages";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
  }

  /**
   * The text for a key, with {@link MessageFormat} arguments filled in for the locale; a {@link
   * Translatable} argument shows its translated name. Texts write apostrophes as ’ so that
   * MessageFormat leaves them alone.
   */
  public static String format(Locale locale, String key, Object... arguments) {
    ResourceBundle bundle = bundle(locale);
    String pattern = bundle.getString(key);
    if (arguments.length == 0) {
      return pattern;
    }
    Object[] shown = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      shown[i] =
          arguments[i] instanceof Translatable translatable
              ? bundle.getString(translatable.messageKey())
              : arguments[i];
    }
    return new MessageFormat(pattern, locale).format(shown);
  }

  /** The first of the client's preferred locales that has a bundle; English if none has. */
  public static Language negotiate(Iterable<Locale> preferred) {
    for (Locale locale : preferred) {
      Optional<Language> language =
          Language.fromCode(locale.getLanguage()).filter(Messages::hasBundle);
      if (language.isPresent()) {
        return language.get();
      }
    }
    return Language.DEFAULT;
  }

  /** Whether a language has its own bundle (English is the base bundle). */
  public static boolean hasBundle(Language language) {
    return language == Language.EN
        || Messages.class
                .getClassLoader()
                .getResource(BUNDLE.replace('.', '/') + "_" + language.code() + ".properties")
            != null;
  }
}
