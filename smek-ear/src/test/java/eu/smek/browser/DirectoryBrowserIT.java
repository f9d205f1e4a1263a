package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The cooperation cell and the directory in the browser: a town coordinator adds a colleague who
 * speaks Romanian, the directory finds her by that language, and the coordinator removes her again.
 */
class DirectoryBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final By RESULT_NAMES =
      By.cssSelector("[id='directory-form:people_data'] td:first-child a");

  @Test
  void aCoordinatorAddsAColleagueAndTheDirectoryFindsHerByALanguage() {
    String family = "Popescu" + UUID.randomUUID().toString().substring(0, 6);
    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/membership/list-organisations");
    browser.clickAndWaitForPage(By.linkText("Gmina Miejska Przemyśl"));
    browser.clickAndWaitForPage(By.id("cell-link"));
    assertEquals("/membership/view-cell", browser.path());
    assertEquals(text(PL, "membership.cell.of") + " Gmina Miejska Przemyśl", browser.heading());
    assertFalse(browser.findAll(By.cssSelector("#role-COORDINATOR")).isEmpty());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("add-person"));
    assertEquals(text(PL, "membership.person.add"), browser.heading());
    browser.type(By.id("person-form:given-name"), "Ioana");
    browser.type(By.id("person-form:family-name"), family);
    browser.type(By.id("person-form:position"), "Inspektor ds. współpracy z Rumunią");
    browser.type(By.id("person-form:email"), "ioana@przemysl.example");
    browser.clickAndWaitForAjax(By.id("person-form:add-language"));
    new Select(browser.find(By.cssSelector("select[id$=':language']"))).selectByValue("ro");
    new Select(browser.find(By.cssSelector("select[id$=':level']"))).selectByValue("B2");
    browser.find(By.cssSelector("input[value='TOURISM']")).click();
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("person-form:save"));

    assertEquals("/membership/view-cell", browser.path());
    WebElement added =
        browser.find(
            By.xpath("//li[contains(@class,'person')][.//h3[text()='Ioana " + family + "']]"));
    assertTrue(added.getText().contains("rumuński"), added.getText());
    assertTrue(added.getText().contains(text(PL, "membership.topic.TOURISM")), added.getText());

    browser.open("/membership/search-directory");
    browser.assertAccessible();
    new Select(browser.byId("language")).selectByValue("ro");
    browser.type(By.id("text"), family);
    browser.clickAndWaitForPage(By.id("search"));
    List<String> found = browser.findAll(RESULT_NAMES).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Ioana " + family), found);
    // The filter form shows the search it made.
    assertEquals(
        "ro", new Select(browser.byId("language")).getFirstSelectedOption().getAttribute("value"));
    assertEquals(family, browser.byId("text").getAttribute("value"));
    browser.assertAccessible();

    // Without the language filter the same text finds her too; with another language, nobody.
    new Select(browser.byId("language")).selectByValue("hu");
    browser.clickAndWaitForPage(By.id("search"));
    assertTrue(browser.findAll(RESULT_NAMES).isEmpty());

    // Clean up through the page, confirming in the dialog.
    browser.open("/membership/search-directory?language=ro&text=" + family);
    browser.clickAndWaitForPage(RESULT_NAMES);
    browser.clickAndWaitForPage(
        By.xpath("//a[starts-with(@id,'edit-person-')][contains(@aria-label,'" + family + "')]"));
    browser.find(By.id("remove-form:remove")).click();
    browser.waitUntilVisible(By.cssSelector(".ui-confirm-dialog"));
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.cssSelector(".ui-confirmdialog-yes"));
    assertEquals("/membership/view-cell", browser.path());
    assertTrue(browser.findAll(By.xpath("//h3[text()='Ioana " + family + "']")).isEmpty());
  }

  @Test
  void aClerkSearchesByTopicAndCountryAndDownloadsNothingTheyMayNotChange() {
    browser.signIn(DemoUser.CLERK);
    browser.open("/membership/search-directory?country=SK&topic=TOURISM");
    List<WebElement> rows =
        browser.findAll(By.cssSelector("[id='directory-form:people_data'] tr[data-ri]"));
    assertFalse(rows.isEmpty(), "demo people of Slovak towns work on tourism");
    String slovakia = text(Language.SK, "membership.country.SK");
    for (WebElement row : rows) {
      assertEquals(slovakia, row.findElements(By.tagName("td")).get(2).getText());
    }
    browser.assertAccessible();
    browser.clickAndWaitForPage(
        By.cssSelector("[id='directory-form:people_data'] tr[data-ri] td a"));
    assertEquals("/membership/view-cell", browser.path());
    assertTrue(browser.findAll(By.id("add-person")).isEmpty());
    assertTrue(browser.findAll(By.cssSelector("a[id^='edit-person-']")).isEmpty());
    browser.assertAccessible();
  }
}
