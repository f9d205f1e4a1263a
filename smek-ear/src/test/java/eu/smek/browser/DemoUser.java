package eu.smek.browser;

import eu.smek.shared.Language;

/**
 * The demo accounts that the embedded database gets at start-up. Tests use them read-only, or put
 * back what they changed; never with a wrong password (five of those lock the name).
 */
public enum DemoUser {
  ADMIN("admin", "Euroregion-2026", Language.PL),
  COORDINATOR("coordinator", "Przemysl-2026", Language.PL),
  CLERK("clerk", "Humenne-2026", Language.SK),
  OPERATOR("operator", "WildFly-2026", Language.EN);

  private final String login;
  private final String password;
  private final Language language;

  DemoUser(String login, String password, Language language) {
    this.login = login;
    this.password = password;
    this.language = language;
  }

  public String login() {
    return login;
  }

  public String password() {
    return password;
  }

  /** The language saved in the account, which the pages use after signing in. */
  public Language language() {
    return language;
  }
}
