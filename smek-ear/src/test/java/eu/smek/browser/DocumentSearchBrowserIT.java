package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The document search in the browser: the demo coordinator of Przemyśl finds a Polish agreement by
 * an inflected word and a word typed without diacritics, sees the matches marked and the document's
 * links, narrows by type, and the page passes axe-core. The demo database has no documents, so the
 * test stores its own through the document service, by a small seeding servlet deployed next to the
 * application ({@link SearchSeedServlet}).
 */
class DocumentSearchBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();

  @ArquillianResource
  @OperateOnDeployment(SEED)
  private URL seedBase;

  static final String SEED = "search-seed";

  @Deployment(name = SEED, order = 2, testable = false)
  static WebArchive seed() {
    return ShrinkWrap.create(WebArchive.class, "search-seed.war")
        .addClass(SearchSeedServlet.class)
        .addAsWebInfResource(
            new StringAsset(
                """
                <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.2">
                  <deployment>
                    <dependencies>
                      <module name="deployment.smek.ear" services="import"/>
                      <module name="deployment.smek.ear.smek-ejb.jar"/>
                    </dependencies>
                  </deployment>
                </jboss-deployment-structure>
                """),
            "jboss-deployment-structure.xml");
  }

  private long seed(String marker) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(seedBase + "seed?login=coordinator&marker=" + marker))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Long.parseLong(response.body().strip());
  }

  @Test
  void aCoordinatorFindsAnAgreementByAnInflectedWord() throws Exception {
    String marker = "xq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long id = seed(marker);

    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/documents/search-documents");
    assertEquals(text(PL, "page.searchDocuments"), browser.heading());
    browser.assertAccessible();

    // The background indexing follows the upload within moments.
    List<WebElement> hits = List.of();
    for (int i = 0; i < 50 && hits.isEmpty(); i++) {
      browser.open("/documents/search-documents");
      browser.type(By.id("q"), "umowy wspolpraca " + marker);
      browser.clickAndWaitForPage(By.id("search"));
      hits = browser.findAll(By.cssSelector("#hits .search-hit"));
      if (hits.isEmpty()) {
        Thread.sleep(200);
      }
    }
    assertEquals(1, hits.size());
    WebElement hit = hits.get(0);
    assertEquals(text(PL, "documents.search.count", 1), browser.byId("result-count").getText());
    WebElement title = browser.byId("hit-" + id);
    assertTrue(
        title.getAttribute("href").endsWith("/documents/view-document?id=" + id),
        title.getAttribute("href"));
    List<String> marked =
        hit.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
    assertTrue(marked.contains("Umowa"), marked.toString());
    assertTrue(marked.contains("współpracy"), marked.toString());
    // The document's own markup is shown as text, never run.
    assertTrue(hit.getText().contains("<i>kursywa</i>"), hit.getText());
    assertTrue(hit.findElements(By.tagName("i")).isEmpty());
    assertTrue(
        hit.findElement(By.cssSelector("a[href$='/documents/files/" + id + "']")).isDisplayed());
    browser.assertAccessible();

    // The filters stay as searched, and narrowing by another type finds nothing.
    assertEquals("umowy wspolpraca " + marker, browser.byId("q").getAttribute("value"));
    new Select(browser.byId("type")).selectByValue("MINUTES");
    browser.clickAndWaitForPage(By.id("search"));
    assertTrue(browser.findAll(By.cssSelector("#hits .search-hit")).isEmpty());
    assertEquals(text(PL, "documents.search.count", 0), browser.byId("result-count").getText());
    new Select(browser.byId("type")).selectByValue("AGREEMENT");
    browser.clickAndWaitForPage(By.id("search"));
    assertEquals(1, browser.findAll(By.cssSelector("#hits .search-hit")).size());
    browser.assertAccessible();
  }

  @Test
  void theOtherTownsClerkDoesNotFindThePrivateAgreement() throws Exception {
    String marker = "xq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    seed(marker);
    // The coordinator's own search proves it is indexed before the clerk of Humenné looks.
    browser.signIn(DemoUser.COORDINATOR);
    boolean found = false;
    for (int i = 0; i < 50 && !found; i++) {
      browser.open("/documents/search-documents?q=" + marker);
      found = !browser.findAll(By.cssSelector("#hits .search-hit")).isEmpty();
      if (!found) {
        Thread.sleep(200);
      }
    }
    assertTrue(found);
    browser.signOut();

    browser.signIn(DemoUser.CLERK);
    browser.open("/documents/search-documents?q=" + marker);
    assertFalse(browser.findAll(By.id("hits")).isEmpty());
    assertTrue(browser.findAll(By.cssSelector("#hits .search-hit")).isEmpty());
    browser.assertAccessible();
  }
}
