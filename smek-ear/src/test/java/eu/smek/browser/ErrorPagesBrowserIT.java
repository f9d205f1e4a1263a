package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.smek.shared.Language;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The error pages: translated, in the normal layout, accessible. */
class ErrorPagesBrowserIT extends BrowserTest {

  @Test
  void aPageWithoutTheRightIsForbidden() {
    browser.signIn(DemoUser.CLERK);

    browser.open("/audit/view-audit-log");

    assertEquals(403, browser.status());
    assertErrorPage(Language.SK, "page.errorForbidden", "error.page.forbidden");
  }

  @Test
  void anUnknownAddressIsNotFound() {
    browser.signIn(DemoUser.CLERK);

    browser.open("/no-such-page-" + UUID.randomUUID());

    assertEquals(404, browser.status());
    assertErrorPage(Language.SK, "page.errorNotFound", "error.page.notFound");
  }

  @Test
  void aFormWhoseSessionEndedHasExpired() {
    browser.open("/login");
    browser.type(By.id("login-form:username"), "nobody-" + UUID.randomUUID());
    browser.type(By.id("login-form:password"), "Not-the-password-1");

    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.clickAndWaitForPage(By.id("login-form:sign-in"));

    assertErrorPage(browser.language(), "page.errorExpired", "error.page.expired");
  }

  private static void assertErrorPage(Language language, String titleKey, String explanationKey) {
    assertEquals(language, browser.language());
    assertEquals(text(language, titleKey), browser.heading());
    assertEquals(text(language, explanationKey), browser.byId("error-explanation").getText());
    browser.assertAccessible();
  }
}
