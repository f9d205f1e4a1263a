package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.TestFiles;
import eu.smek.shared.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The membership register in the browser: an administrator registers a town, admits it with the
 * council's resolution and gives it a coat of arms; members only read.
 */
class MembershipBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.ADMIN.language();
  private static final By HISTORY_ROWS = By.cssSelector("#history tbody tr");

  private static Path file(String name, byte[] content) throws IOException {
    Path directory = Files.createTempDirectory("smek-upload");
    return Files.write(directory.resolve(name), content);
  }

  private void changeStatus(String status, String reason, Path document) {
    new Select(browser.byId("status-form:new-status")).selectByValue(status);
    if (reason != null) {
      browser.type(By.id("status-form:reason"), reason);
    }
    if (document != null) {
      browser.byId("status-form:document").sendKeys(document.toString());
    }
    browser.clickAndWaitForPage(By.id("status-form:change-status"));
  }

  @Test
  void anAdministratorRegistersATownAndAdmitsIt() throws IOException {
    String code = "B-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String name = "Gmina Miasto Krosno " + code;
    browser.signIn(DemoUser.ADMIN);
    browser.open("/membership/list-organisations");
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("new-organisation"));

    assertEquals(text(PL, "membership.organisation.new"), browser.heading());
    browser.assertAccessible();
    browser.type(By.id("organisation-form:code"), code);
    browser.type(By.id("organisation-form:name"), name);
    browser.type(By.cssSelector("#organisation-form input[lang='sk']"), "Mesto Krosno " + code);
    browser.type(By.id("organisation-form:city"), "Krosno");
    browser.type(By.id("organisation-form:website"), "https://krosno.pl");
    browser.type(By.id("organisation-form:latitude"), "49.6887");
    browser.type(By.id("organisation-form:longitude"), "21.7706");
    browser.clickAndWaitForPage(By.id("organisation-form:save"));

    assertEquals("/membership/view-organisation", browser.path());
    assertEquals(name, browser.heading());
    assertEquals(text(PL, "membership.status.PROSPECT"), browser.byId("status").getText());
    assertEquals("49.6887, 21.7706", browser.byId("coordinates").getText());
    browser.assertAccessible();

    changeStatus("APPLICANT", null, null);
    assertEquals(text(PL, "membership.status.APPLICANT"), browser.byId("status").getText());

    // Admission needs the document: refused without it, with the form still there.
    changeStatus("MEMBER", null, null);
    String member = text(PL, "membership.status.MEMBER");
    assertEquals(List.of(text(PL, "membership.rule.documentRequired", member)), browser.messages());
    browser.assertAccessible();

    changeStatus("MEMBER", null, file("Uchwała nr XII-2026.pdf", TestFiles.pdf("Uchwala")));
    assertEquals(List.of(text(PL, "membership.statusChanged", name, member)), browser.messages());
    assertEquals(member, browser.byId("status").getText());
    assertTrue(browser.byId("membership-number").getText().matches("SMEK-\\d{3,}"));
    List<WebElement> rows = browser.findAll(HISTORY_ROWS);
    assertEquals(3, rows.size());
    WebElement document = rows.get(2).findElement(By.tagName("a"));
    assertEquals("Uchwała nr XII-2026.pdf", document.getText());
    browser.assertAccessible();

    // The coat of arms: anything but an image is refused, an image is shown.
    browser.clickAndWaitForPage(By.id("edit-organisation"));
    browser
        .byId("logo-form:logo")
        .sendKeys(
            file("herb.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()).toString());
    browser.clickAndWaitForPage(By.id("logo-form:upload-logo"));
    assertEquals(List.of(text(PL, "file.typeNotAllowed", "image/svg+xml")), browser.messages());
    browser.byId("logo-form:logo").sendKeys(file("herb.png", TestFiles.png(512, 600)).toString());
    browser.clickAndWaitForPage(By.id("logo-form:upload-logo"));
    assertEquals("/membership/view-organisation", browser.path());
    WebElement logo = browser.find(By.cssSelector("img.organisation__logo"));
    assertTrue(logo.getDomAttribute("src").startsWith("data:image/png;base64,"));
    browser.assertAccessible();
  }

  @Test
  void aClerkReadsTheRegisterInSlovakWithoutWaysToChangeIt() {
    browser.signIn(DemoUser.CLERK);
    browser.open("/membership/list-organisations");
    assertTrue(browser.findAll(By.id("new-organisation")).isEmpty());
    String member = text(Language.SK, "membership.status.MEMBER");
    List<WebElement> statuses =
        browser.findAll(
            By.cssSelector("[id='organisations-form:organisations_data'] td:nth-child(5)"));
    assertTrue(statuses.size() >= 13);
    assertTrue(statuses.stream().anyMatch(cell -> cell.getText().equals(member)));

    browser.clickAndWaitForPage(By.linkText("Mesto Humenné"));
    assertEquals("Mesto Humenné", browser.heading());
    assertEquals(member, browser.byId("status").getText());
    assertFalse(browser.byId("membership-number").getText().isBlank());
    assertTrue(browser.findAll(By.id("edit-organisation")).isEmpty());
    assertTrue(browser.findAll(By.id("status-form")).isEmpty());
    assertFalse(browser.findAll(HISTORY_ROWS).isEmpty());
    browser.assertAccessible();
  }
}
