package eu.smek.faces;

import eu.smek.security.SecurityService;
import eu.smek.security.Subjects;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.omnifaces.util.Faces;

/**
 * The language and time zone the current visitor sees. Starts from the browser's preferences, is
 * replaced by the account's language at sign-in, and a switch made while signed in is saved to the
 * account so it follows the user to any device.
 */
@Named
@SessionScoped
public class ActiveLocale implements Serializable {

  /** Where the network's founding towns are; used until a signed-in user's own zone is known. */
  static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Warsaw");

  static final String COOKIE = "smek-language";
  private static final int COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

  @Inject private SecurityService security;

  private Language language;
  private ZoneId timeZone = DEFAULT_TIME_ZONE;

  @PostConstruct
  void init() {
    language =
        Optional.ofNullable(Faces.getRequestCookie(COOKIE))
            .flatMap(Language::fromCode)
            .filter(Messages::hasBundle)
            .orElseGet(() -> Messages.negotiate(Collections.list(Faces.getRequest().getLocales())));
  }

  public Language getLanguage() {
    return language;
  }

  public Locale getLocale() {
    return language.locale();
  }

  /** The value of {@code <html lang>}. */
  public String getCode() {
    return language.code();
  }

  public ZoneId getTimeZone() {
    return timeZone;
  }

  /** The languages that have a complete set of texts, in the order of the switch. */
  public List<Language> getAvailable() {
    return Arrays.stream(Language.values()).filter(Messages::hasBundle).toList();
  }

  /** Switches the language and shows the same page again in it. */
  public void change(Language newLanguage) throws IOException {
    if (Messages.hasBundle(newLanguage)) {
      use(newLanguage);
      if (Subjects.principal().isPresent()) {
        security.changeLanguage(newLanguage);
      }
    }
    Faces.redirect(Faces.getRequestURI());
  }

  /** Takes over the signed-in user's saved language and the time zone of their organisation. */
  public void signedIn(Language accountLanguage, ZoneId accountTimeZone) {
    if (Messages.hasBundle(accountLanguage)) {
      use(accountLanguage);
    }
    timeZone = accountTimeZone;
  }

  /**
   * Also remembered in a cookie, so the sign-in page after signing out, or after the session ended,
   * is still in the language the visitor chose.
   */
  private void use(Language chosen) {
    language = chosen;
    Faces.addResponseCookie(COOKIE, chosen.code(), "/", COOKIE_AGE);
  }
}
