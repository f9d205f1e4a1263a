package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.smek.shared.Language;
import java.util.Map;
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
  void aFormWhoseViewWasForgottenHasExpired() {
    browser.signIn(DemoUser.CLERK);
    browser.open("/security/manage-api-tokens");
    String viewState = browser.find(By.name("jakarta.faces.ViewState")).getDomAttribute("value");
    String nonce = (String) browser.script("return PrimeFaces.csp.NONCE_VALUE;");
    // A session keeps the state of its last 8 views (web.xml); open more, so this one is forgotten.
    for (int i = 0; i < 9; i++) {
      browser.open(i % 2 == 0 ? "/dashboard" : "/membership/list-organisations");
    }

    browser.script(
        "const form = document.createElement('form');"
            + "form.method = 'post'; form.action = arguments[0];"
            + "for (const [name, value] of Object.entries(arguments[1])) {"
            + "  const field = document.createElement('input');"
            + "  field.type = 'hidden'; field.name = name; field.value = value; form.append(field); }"
            + "document.body.append(form); form.submit();",
        browser.base() + "/security/manage-api-tokens",
        Map.of(
            "token-form", "token-form",
            "token-form:name", "expired",
            "token-form:create", "",
            "jakarta.faces.ViewState", viewState,
            "primefaces.nonce", nonce == null ? "" : nonce));
    browser.waitUntilVisible(By.id("error-explanation"));

    assertErrorPage(Language.SK, "page.errorExpired", "error.page.expired");
  }

  private static void assertErrorPage(Language language, String titleKey, String explanationKey) {
    assertEquals(language, browser.language());
    assertEquals(text(language, titleKey), browser.heading());
    assertEquals(text(language, explanationKey), browser.byId("error-explanation").getText());
    browser.assertAccessible();
  }
}
