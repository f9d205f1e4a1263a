package eu.smek.faces;

import eu.smek.security.CurrentUser;
import eu.smek.security.SecurityService;
import eu.smek.security.Subjects;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.omnifaces.util.Faces;

/**
 * The language and time zone of the current request. A signed-in user has the language saved in
 * their account (a switch is saved there, so it follows them to any device); a visitor has the one
 * they chose, kept in a cookie, or else their browser's. Nothing is kept in a session, so visitors
 * who are not signed in cost the server no session at all.
 */
@Named
@RequestScoped
public class ActiveLocale {

  /** Where the network's founding towns are; the time zone for visitors. */
  static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Warsaw");

  static final String COOKIE = "smek-language";
  private static final int COOKIE_AGE = (int) Duration.ofDays(365).toSeconds();

  @Inject private SecurityService security;
  @Inject private CurrentUser currentUser;

  private Language language;

  @PostConstruct
  void init() {
    language =
        signedIn()
            .map(user -> user.getLanguage())
            .or(
                () ->
                    Optional.ofNullable(Faces.getRequestCookie(COOKIE)).flatMap(Language::fromCode))
            .filter(Messages::hasBundle)
            .orElseGet(() -> Messages.negotiate(Collections.list(Faces.getRequest().getLocales())));
  }

  /** The signed-in user's session data; never touched for visitors, which would start a session. */
  private Optional<CurrentUser> signedIn() {
    return Subjects.principal().isPresent() ? Optional.of(currentUser) : Optional.empty();
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
    return signedIn().map(CurrentUser::getTimeZone).orElse(DEFAULT_TIME_ZONE);
  }

  /** The languages that have a complete set of texts, in the order of the switch. */
  public List<Language> getAvailable() {
    return Arrays.stream(Language.values()).filter(Messages::hasBundle).toList();
  }

  /** Switches the language and shows the same page again in it. */
  public void change(Language newLanguage) throws IOException {
    if (Messages.hasBundle(newLanguage)) {
      remember(newLanguage);
      if (signedIn().isPresent()) {
        currentUser.setLanguage(newLanguage);
        security.changeLanguage(newLanguage);
      }
    }
    Faces.redirect(Faces.getRequestURI());
  }

  /**
   * Uses a language from now on, also in a cookie, so the sign-in page after signing out, or after
   * the session ended, is still in it.
   */
  public void remember(Language chosen) {
    language = chosen;
    Faces.addResponseCookie(COOKIE, chosen.code(), "/", COOKIE_AGE);
  }
}
