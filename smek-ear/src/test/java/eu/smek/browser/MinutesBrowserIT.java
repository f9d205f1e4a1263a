package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The minutes in the browser: the demo coordinator of Przemyśl (chair and secretary) schedules a
 * session for a seeded town, opens it, the town joins, the chair closes it and drafts the minutes;
 * on the minutes page the Polish draft is in the rich-text editor, a sentence is typed and saved,
 * the Slovak version is one link away, the minutes are submitted; the town's coordinator approves
 * them; the secretary publishes them. Every minutes page passes axe-core.
 */
class MinutesBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final Language EN = Language.EN;

  static final String SEED = "minutes-seed";

  @ArquillianResource
  @OperateOnDeployment(SEED)
  private URL seedBase;

  @Deployment(name = SEED, order = 2, testable = false)
  static WebArchive seed() {
    return ShrinkWrap.create(WebArchive.class, "minutes-seed.war")
        .addClass(TelesessionSeedServlet.class)
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

  /** A new member town with its coordinator: {login, town name}. */
  private String[] town(String name) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            seedBase
                                + "seed-town?name="
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    return response.body().strip().split("\n");
  }

  private static void setValue(String id, String value) {
    browser.script(
        "var field = document.getElementById(arguments[0]); field.value = arguments[1];"
            + " field.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        value);
  }

  private static void invite(String name) {
    browser.type(By.id("telesession-form:search"), name);
    browser.clickAndWaitForAjax(By.id("telesession-form:find"));
    WebElement row =
        browser.findAll(By.cssSelector("#telesession-form\\:found li")).stream()
            .filter(li -> li.findElement(By.className("found-name")).getText().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " is not found"));
    browser.clickAndWaitForAjax(
        By.id(row.findElement(By.cssSelector("button[id$=':invite']")).getDomAttribute("id")));
  }

  private static void next() {
    browser.clickAndWaitForAjax(By.id("status-form:next:0:move"));
  }

  @Test
  void theSecretaryEditsTheMinutesTheTownApprovesAndTheyArePublished() throws Exception {
    String[] town = town("Mesto Zápisnica");
    String title = "Porada " + UUID.randomUUID().toString().substring(0, 6);

    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-telesession-list-telesessions"));
    browser.clickAndWaitForPage(By.id("new-telesession"));
    browser.type(By.id("telesession-form:title"), title);
    setValue("telesession-form:start-date", "2027-05-12");
    setValue("telesession-form:start-time", "10:00");
    setValue("telesession-form:end-date", "2027-05-12");
    setValue("telesession-form:end-time", "12:00");
    browser.byId("telesession-form:quorum-strict").click();
    browser.find(By.id("telesession-form:quorum-numerator")).clear();
    browser.type(By.id("telesession-form:quorum-numerator"), "0");
    browser.find(By.id("telesession-form:quorum-denominator")).clear();
    browser.type(By.id("telesession-form:quorum-denominator"), "1");
    invite(town[1]);
    browser.clickAndWaitForPage(By.id("telesession-form:save"));
    assertEquals(title, browser.heading());
    String record = browser.path() + "?" + URI.create(browser.driver().getCurrentUrl()).getQuery();
    browser.type(By.id("item-form:item-title"), "Budżet");
    browser.clickAndWaitForAjax(By.id("item-form:save-item"));
    next();
    browser.signOut();

    browser.signIn(town[0], TelesessionSeedServlet.PASSWORD);
    browser.open(record);
    browser.clickAndWaitForAjax(By.id("presence-form:join"));
    browser.signOut();

    browser.signIn(DemoUser.COORDINATOR);
    browser.open(record);
    next();
    assertEquals(text(PL, "telesession.status.CLOSED"), browser.byId("status").getText());
    next();
    assertEquals(text(PL, "telesession.status.MINUTES_DRAFTED"), browser.byId("status").getText());
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("minutes"));
    String minutes = browser.path() + "?" + URI.create(browser.driver().getCurrentUrl()).getQuery();

    // The Polish draft is in the editor.
    WebElement editor = browser.find(By.cssSelector("#minutes-form .ql-editor"));
    assertEquals(
        text(PL, "telesession.minutes.heading", title),
        editor.findElement(By.tagName("h1")).getText());
    assertTrue(editor.getText().contains(town[1]), editor.getText());
    browser.assertAccessible();

    // Typed at the end, as the secretary would (the editor keeps its hidden field in step).
    editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "Uwagi końcowe.");
    browser.clickAndWaitForAjax(By.id("minutes-form:save"));
    assertTrue(
        browser.messages().contains(text(PL, "telesession.minutes.saved", text(PL, "language.PL"))),
        "" + browser.messages());
    browser.open(minutes);
    editor = browser.find(By.cssSelector("#minutes-form .ql-editor"));
    assertTrue(editor.getText().contains("Uwagi końcowe."), editor.getText());

    // The Slovak version is one link away.
    browser.clickAndWaitForPage(By.id("language-sk"));
    assertEquals(
        text(Language.SK, "telesession.minutes.heading", title),
        browser.find(By.cssSelector("#minutes-form .ql-editor h1")).getText());

    browser.clickAndWaitForAjax(By.id("minutes-form:submit"));
    assertTrue(
        browser.messages().contains(text(PL, "telesession.minutes.submitted")),
        "" + browser.messages());
    assertFalse(browser.driver().findElements(By.id("minutes-form")).size() > 0);
    browser.signOut();

    browser.signIn(town[0], TelesessionSeedServlet.PASSWORD);
    browser.open(minutes);
    // The Slovak language was shown last; the reader sees their own language first (English).
    assertTrue(
        browser.byId("minutes-text").getText().contains(title),
        browser.byId("minutes-text").getText());
    browser.assertAccessible();
    browser.clickAndWaitForAjax(By.id("answer-form:approve"));
    assertTrue(
        browser.messages().contains(text(EN, "telesession.minutes.answered")),
        "" + browser.messages());
    browser.signOut();

    browser.signIn(DemoUser.COORDINATOR);
    browser.open(minutes);
    browser.clickAndWaitForAjax(By.id("publish-form:publish"));
    assertTrue(
        browser.messages().contains(text(PL, "telesession.minutes.published")),
        "" + browser.messages());
    assertEquals(
        text(PL, "telesession.status") + ": " + text(PL, "telesession.status.PUBLISHED"),
        browser.byId("status").getText());
    assertEquals(
        3,
        browser.findAll(By.cssSelector("#approval .approval-state")).stream()
            .filter(s -> s.getText().equals(text(PL, "documents.approval.state.APPROVED")))
            .count());
    browser.assertAccessible();
  }
}
