package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The audit log's filters, a plain GET form. The messages are checked for the Polish administrator,
 * so that one left in English would show.
 */
class AuditLogBrowserIT extends BrowserTest {

  private static final String PATH = "/audit/view-audit-log";
  private static final By ROWS = By.cssSelector("[id='audit-form:entries_data'] > tr[data-ri]");

  @Test
  void filtersByActionAndActor() {
    // Signing in is itself audited, so there is at least one entry to find.
    browser.signIn(DemoUser.OPERATOR);
    browser.open(PATH);

    browser.type(By.id("actor"), "operator");
    new Select(browser.byId("action")).selectByValue("LOGIN");
    browser.clickAndWaitForPage(By.id("search"));

    assertEquals(PATH, browser.path());
    assertEquals("operator", browser.byId("actor").getDomProperty("value"));
    assertEquals(
        "LOGIN",
        new Select(browser.byId("action")).getFirstSelectedOption().getDomAttribute("value"));
    List<WebElement> rows = browser.findAll(ROWS);
    assertFalse(rows.isEmpty(), "the operator's own sign-in is listed");
    String signedIn = text(DemoUser.OPERATOR.language(), "audit.action.LOGIN");
    for (WebElement row : rows) {
      List<String> cells =
          row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      assertEquals("operator", cells.get(1), cells.toString());
      assertEquals(signedIn, cells.get(2), cells.toString());
    }
    browser.assertAccessible();
  }

  @Test
  void aStartAfterTheEndIsRefused() {
    browser.signIn(DemoUser.ADMIN);
    browser.open(PATH);

    // What a date picker does; typing into a date field depends on the browser's locale.
    browser.script("document.getElementById('from').value = '2026-03-02';");
    browser.script("document.getElementById('to').value = '2026-03-01';");
    browser.clickAndWaitForPage(By.id("search"));

    assertEquals(200, browser.status());
    assertEquals(text(Language.PL, "page.viewAuditLog"), browser.heading());
    assertEquals(List.of(text(Language.PL, "error.dateRange")), browser.messages());
    assertEquals("2026-03-02", browser.byId("from").getDomProperty("value"));
    assertEquals("2026-03-01", browser.byId("to").getDomProperty("value"));
    browser.assertAccessible();
  }

  @Test
  void anUnknownActionInTheAddressIsAMessageNotAnErrorPage() {
    browser.signIn(DemoUser.ADMIN);

    browser.open(PATH + "?action=NOPE");

    assertEquals(200, browser.status());
    assertEquals(text(Language.PL, "page.viewAuditLog"), browser.heading());
    String label = text(Language.PL, "audit.action");
    assertEquals(
        List.of(
            text(Language.PL, "jakarta.faces.converter.EnumConverter.ENUM", "NOPE", "NOPE", label)),
        browser.messages());
    browser.assertAccessible();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%' OR 1=1 --", "<img src=x onerror=alert(1)>"})
  void hostileFilterTextIsJustText(String hostile) {
    browser.signIn(DemoUser.OPERATOR);
    browser.open(PATH);

    browser.type(By.id("text"), hostile);
    browser.clickAndWaitForPage(By.id("search"));

    assertEquals(200, browser.status());
    assertEquals(text(DemoUser.OPERATOR.language(), "page.viewAuditLog"), browser.heading());
    assertEquals(List.of(), browser.messages());
    assertEquals(hostile, browser.byId("text").getDomProperty("value"));
    assertTrue(browser.findAll(By.cssSelector("img[src='x']")).isEmpty(), "no injected image");
    browser.assertAccessible();
  }
}
