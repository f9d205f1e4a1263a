package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static eu.smek.browser.TelesessionBrowserIT.invite;
import static eu.smek.browser.TelesessionBrowserIT.setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Invalid and hostile input on the telesession scheduling form: times the wrong way round get a
 * translated message tied to the page, the other typed values stay as typed, a title with markup is
 * kept and shown as text, and the page with errors passes axe-core. Once scheduled, the organiser
 * withdraws the invited town after a confirmation.
 */
class TelesessionFormBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final String HUMENNE = "Mesto Humenné";
  private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

  private static String value(String id) {
    return browser.byId(id).getDomProperty("value");
  }

  private static void assertTypedValuesKept() {
    assertEquals("Porządek obrad w załączniku", value("telesession-form:description"));
    assertEquals("2027-05-12", value("telesession-form:start-date"));
    assertEquals("10:00", value("telesession-form:start-time"));
    assertEquals("2027-05-12", value("telesession-form:end-date"));
    assertEquals("09:00", value("telesession-form:end-time"));
    assertEquals("Europe/Bratislava", value("telesession-form:zone"));
    assertEquals("3", value("telesession-form:quorum-numerator"));
    assertEquals("4", value("telesession-form:quorum-denominator"));
  }

  @Test
  void wrongAndHostileInputGetsTranslatedMessagesAndLosesNothing() {
    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-telesession-list-telesessions"));
    browser.clickAndWaitForPage(By.id("new-telesession"));

    // A title of the greatest length passes; the field does not let a browser type a longer one.
    setValue("telesession-form:title", "x".repeat(300));
    browser.type(By.id("telesession-form:description"), "Porządek obrad w załączniku");
    setValue("telesession-form:start-date", "2027-05-12");
    setValue("telesession-form:start-time", "10:00");
    setValue("telesession-form:end-date", "2027-05-12");
    setValue("telesession-form:end-time", "09:00");
    setValue("telesession-form:zone", "Europe/Bratislava");
    browser.find(By.id("telesession-form:quorum-numerator")).clear();
    browser.type(By.id("telesession-form:quorum-numerator"), "3");
    browser.find(By.id("telesession-form:quorum-denominator")).clear();
    browser.type(By.id("telesession-form:quorum-denominator"), "4");
    browser.clickAndWaitForAjax(By.id("telesession-form:save"));

    assertTrue(
        browser.messages().contains(text(PL, "telesession.timesInvalid")), "" + browser.messages());
    assertTypedValuesKept();
    browser.assertAccessible();

    // A title with markup, and the end before the start: the service's rule, translated.
    setValue("telesession-form:title", HOSTILE);
    browser.clickAndWaitForAjax(By.id("telesession-form:save"));
    assertTrue(
        browser.messages().contains(text(PL, "telesession.timesInvalid")), "" + browser.messages());
    assertEquals(HOSTILE, value("telesession-form:title"));
    assertTypedValuesKept();
    assertTrue(browser.findAll(By.cssSelector("img[src='x']")).isEmpty(), "no injected image");
    browser.assertAccessible();

    // Put right, it is scheduled, and the title is shown as text.
    setValue("telesession-form:end-time", "12:00");
    invite(HUMENNE);
    browser.clickAndWaitForPage(By.id("telesession-form:save"));
    assertEquals(HOSTILE, browser.heading());
    assertTrue(browser.findAll(By.cssSelector("img[src='x']")).isEmpty(), "no injected image");
    assertTrue(browser.byId("when").getText().contains("Europe/Bratislava"), "the zone kept");

    // The organiser withdraws the town's invitation, after a confirmation.
    assertTrue(browser.byId("invited").getText().contains(HUMENNE));
    browser.find(By.cssSelector("#invited-form button[id$=':withdraw']")).click();
    browser.waitUntilVisible(By.cssSelector(".ui-confirm-dialog"));
    browser.clickAndWaitForAjax(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes"));
    assertTrue(
        browser.messages().contains(text(PL, "telesession.invitation.withdrawn", HUMENNE)),
        "" + browser.messages());
    assertFalse(browser.byId("invited").getText().contains(HUMENNE));
    browser.assertAccessible();
  }
}
