package eu.smek.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Attached documents in the browser: the Przemyśl coordinator finds the network's demo agreement
 * from the event's page, attaches it with the keyboard, sees it listed with its links, and removes
 * it again. Every state of the page passes axe-core.
 */
class CalendarAttachmentsBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final String AGREEMENT = "Porozumienie o współpracy miast sieci SMEK";

  @Test
  void theCoordinatorAttachesADemoDocumentToAnEventAndRemovesIt() throws Exception {
    String title = "Rada partnerska " + UUID.randomUUID().toString().substring(0, 6);
    long event = createEvent(title);

    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/calendar/view-event?id=" + event);
    assertEquals(title, browser.heading());
    assertTrue(browser.byId("no-attachments").isDisplayed());
    assertEquals(
        Browser.text(PL, "calendar.attachment.heading"),
        browser.byId("attachments-heading").getText());
    browser.assertAccessible();

    // Too short a search is a message at the field, not a search.
    browser.type(By.id("attach-form:document-search"), "P");
    browser.clickAndWaitForAjax(By.id("attach-form:find-documents"));
    assertTrue(
        !browser.fieldError(By.id("attach-form:document-search")).isBlank(),
        "a one-letter search is refused");
    browser.assertAccessible();

    WebElement found = findDocument(AGREEMENT);
    // Keyboard only: focus the document's button and press Enter.
    WebElement attach = found.findElement(By.tagName("button"));
    attach.sendKeys(Keys.ENTER);
    browser.waitForPrimeFacesAjax();
    String listed = browser.byId("attachments").getText();
    assertTrue(listed.contains(AGREEMENT), listed);
    assertTrue(
        browser.messages().contains(Browser.text(PL, "calendar.attachment.attached", AGREEMENT)),
        browser.messages().toString());
    WebElement link = browser.find(By.cssSelector("#attachments .attachment-title a"));
    assertTrue(link.getAttribute("href").contains("/documents/view-document?id="));
    WebElement file = browser.find(By.cssSelector("#attachments .attachment-file a"));
    assertTrue(file.getAttribute("href").contains("/documents/files/"));
    browser.assertAccessible();

    browser.clickAndWaitForAjax(By.cssSelector("#attachments button"));
    assertTrue(browser.byId("no-attachments").isDisplayed());
    assertTrue(
        browser.messages().contains(Browser.text(PL, "calendar.attachment.detached", AGREEMENT)),
        browser.messages().toString());
    browser.assertAccessible();
  }

  /**
   * The search result for the title; the demo documents are indexed shortly after the server
   * starts, so the search is repeated for a while.
   */
  private WebElement findDocument(String title) throws InterruptedException {
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      browser.type(By.id("attach-form:document-search"), "Porozumienie o współpracy");
      browser.clickAndWaitForAjax(By.id("attach-form:find-documents"));
      List<WebElement> hits =
          browser.findAll(By.cssSelector("#documents-found li")).stream()
              .filter(li -> li.getText().contains(title))
              .toList();
      if (!hits.isEmpty()) {
        browser.assertAccessible();
        return hits.get(0);
      }
      if (System.currentTimeMillis() > until) {
        throw new AssertionError(browser.byId("attach-form:found-documents").getText());
      }
      Thread.sleep(2_000);
    }
  }

  // Helpers

  /** A timed event in the coordinator's town calendar next year, through the REST API. */
  private long createEvent(String title) throws Exception {
    return new DemoApi(browser.base(), DemoUser.COORDINATOR)
        .createEvent(
            Json.createObjectBuilder()
                .add("title", title)
                .add("start", "2027-06-16T10:00")
                .add("end", "2027-06-16T11:30")
                .add("timeZone", "Europe/Warsaw")
                .add("visibility", "PRIVATE"));
  }
}
