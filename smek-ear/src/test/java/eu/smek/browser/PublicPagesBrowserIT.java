package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import eu.smek.shared.Language;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/** What a visitor sees before signing in: the public pages and the sign-in form's answers. */
class PublicPagesBrowserIT extends BrowserTest {

  private static final By USERNAME = By.id("login-form:username");
  private static final By PASSWORD = By.id("login-form:password");
  private static final By SIGN_IN = By.id("login-form:sign-in");

  /** Public pages and the keys of their titles. */
  private static final Map<String, String> PUBLIC_PAGES =
      Map.of("/", "page.home", "/login", "page.login", "/accessibility", "page.accessibility");

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"PL", "SK", "EN"})
  void thePublicPagesAreAccessibleInEveryLanguage(Language language) {
    browser.open("/");
    browser.switchLanguage(language);

    PUBLIC_PAGES.forEach(
        (path, titleKey) -> {
          browser.open(path);
          assertEquals(language, browser.language(), path);
          assertEquals(text(language, titleKey), browser.heading(), path);
          browser.assertAccessible();
        });
  }

  @Test
  void aWrongPasswordIsRefusedInThePagesLanguage() {
    browser.open("/login");
    browser.switchLanguage(Language.SK);

    // An unknown name: failures count towards locking a name, and the message is the same.
    browser.type(USERNAME, "nobody-" + UUID.randomUUID());
    browser.type(PASSWORD, "Not-the-password-1");
    browser.clickAndWaitForPage(SIGN_IN);

    assertEquals("/login", browser.path());
    assertEquals(Language.SK, browser.language());
    String refused = text(Language.SK, "security.login.failed");
    assertNotEquals(text(Language.EN, "security.login.failed"), refused);
    assertEquals(List.of(refused), browser.messages());
    assertEquals("", browser.find(PASSWORD).getDomProperty("value"));
    browser.assertAccessible();
  }

  @Test
  void emptyFieldsAreRequiredInThePagesLanguage() {
    browser.open("/login");
    browser.switchLanguage(Language.PL);

    browser.clickAndWaitForPage(SIGN_IN);

    assertEquals("/login", browser.path());
    String username = text(Language.PL, "login.username.required");
    String password = text(Language.PL, "login.password.required");
    assertEquals(List.of(username, password), browser.messages());
    assertEquals(username, browser.fieldError(USERNAME));
    assertEquals(password, browser.fieldError(PASSWORD));
    assertEquals("true", browser.find(USERNAME).getDomAttribute("aria-invalid"));
    assertEquals("true", browser.find(PASSWORD).getDomAttribute("aria-invalid"));
    browser.assertAccessible();
  }
}
