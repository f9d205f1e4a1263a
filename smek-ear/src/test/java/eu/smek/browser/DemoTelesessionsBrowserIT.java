package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import eu.smek.telesession.DemoTelesessions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo database's telesessions, as the README's guided tour shows them: the network council
 * planned for next week with its agenda and every member town invited, and the closed pilot session
 * with its attendance and an adopted, numbered resolution. The chair sees the buttons to withdraw
 * invitations behind a confirmation, and a “No” there changes nothing. Read-only.
 */
class DemoTelesessionsBrowserIT extends BrowserTest {

  private static final Language PL = Language.PL;

  @Test
  void theCoordinatorSeesThePlannedCouncilAndTheClosedPilotSession() {
    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-telesession-list-telesessions"));
    assertTrue(
        titles("upcoming").contains(DemoTelesessions.PLANNED), titles("upcoming").toString());
    assertTrue(titles("past").contains(DemoTelesessions.CLOSED), titles("past").toString());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.linkText(DemoTelesessions.PLANNED));
    assertEquals(DemoTelesessions.PLANNED, browser.heading());
    assertEquals(text(PL, "telesession.status.PLANNED"), browser.byId("status").getText());
    assertEquals("Anna Nowak", browser.byId("chair").getText());
    assertEquals("Jana Horváthová", browser.byId("secretary").getText());
    String invited = browser.byId("invited").getText();
    for (String town : List.of("Gmina Miejska Przemyśl", "Mesto Snina", "Gmina Boguchwała")) {
      assertTrue(invited.contains(town), invited);
    }
    assertEquals(4, browser.findAll(By.cssSelector("#agenda .item-title")).size());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("menu-telesession-list-telesessions"));
    browser.clickAndWaitForPage(By.linkText(DemoTelesessions.CLOSED));
    assertEquals(text(PL, "telesession.status.CLOSED"), browser.byId("status").getText());
    assertEquals(3, browser.findAll(By.cssSelector("#attendance .attendee")).size());
    String resolution = browser.find(By.cssSelector(".motion .resolution")).getText();
    assertTrue(resolution.matches("\\d+/\\d{4}"), resolution);
    assertEquals(
        text(PL, "telesession.motion.ADOPTED"),
        browser.find(By.cssSelector(".motion .outcome")).getText());
    assertEquals("2", browser.find(By.cssSelector(".motion .yes")).getText());
    browser.assertAccessible();
  }

  @Test
  void theChairIsAskedBeforeWithdrawingAnInvitation() {
    browser.signIn(DemoUser.ADMIN);
    browser.clickAndWaitForPage(By.id("menu-telesession-list-telesessions"));
    browser.clickAndWaitForPage(By.linkText(DemoTelesessions.PLANNED));
    List<WebElement> buttons =
        browser.findAll(By.cssSelector("#invited-form button[id$=':withdraw']"));
    assertTrue(buttons.size() >= 10, "one per invited town: " + buttons.size());
    int towns = buttons.size();
    browser.assertAccessible();
    buttons.get(0).click();
    browser.waitUntilVisible(By.cssSelector(".ui-confirm-dialog"));
    browser.assertAccessible();
    browser.find(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-no")).click();
    browser.waitUntilHidden(By.cssSelector(".ui-confirm-dialog"));
    assertEquals(
        towns, browser.findAll(By.cssSelector("#invited-form button[id$=':withdraw']")).size());
  }

  private static List<String> titles(String part) {
    return browser.findAll(By.cssSelector("#" + part + " .telesession-title")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
