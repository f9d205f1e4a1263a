package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A telesession in the browser: the demo coordinator of Przemyśl schedules one for two towns
 * (without a quorum, as the register has more towns than the test brings), adds an agenda and moves
 * an item up, opens it; both towns' coordinators join; the chair opens a roll-call motion, both
 * vote yes, the chair closes the vote and the result shows with its resolution number. Every page
 * passes axe-core. The towns and their coordinators are made by a small seeding servlet ({@link
 * TelesessionSeedServlet}).
 */
class TelesessionBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final Language EN = Language.EN;

  static final String SEED = "telesession-seed";

  @ArquillianResource
  @OperateOnDeployment(SEED)
  private URL seedBase;

  @Deployment(name = SEED, order = 2, testable = false)
  static WebArchive seed() {
    return TelesessionSeed.war();
  }

  private String[] town(String name) throws IOException, InterruptedException {
    return TelesessionSeed.town(seedBase.toExternalForm(), name);
  }

  static void setValue(String id, String value) {
    browser.script(
        "var field = document.getElementById(arguments[0]); field.value = arguments[1];"
            + " field.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        value);
  }

  /** Finds a town by name in the form and invites it. */
  static void invite(String name) {
    browser.find(By.id("telesession-form:search")).clear();
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

  private void asTown(String login, String path, Runnable work) {
    browser.signIn(login, TelesessionSeedServlet.PASSWORD);
    browser.open(path);
    work.run();
    browser.signOut();
  }

  @Test
  void aCoordinatorSchedulesASessionTwoTownsJoinAndAdoptAResolution() throws Exception {
    String[] snina = town("Mesto Testovo");
    String[] lesko = town("Miasto Próbne");
    String title = "Rada sieci " + UUID.randomUUID().toString().substring(0, 6);

    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-telesession-list-telesessions"));
    assertEquals(text(PL, "page.listTelesessions"), browser.heading());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("new-telesession"));
    assertEquals(text(PL, "telesession.new"), browser.heading());
    browser.type(By.id("telesession-form:title"), title);
    setValue("telesession-form:start-date", "2027-03-10");
    setValue("telesession-form:start-time", "10:00");
    setValue("telesession-form:end-date", "2027-03-10");
    setValue("telesession-form:end-time", "12:00");
    // The register holds more towns than the test brings: this session asks for no quorum.
    browser.byId("telesession-form:quorum-strict").click();
    browser.find(By.id("telesession-form:quorum-numerator")).clear();
    browser.type(By.id("telesession-form:quorum-numerator"), "0");
    browser.find(By.id("telesession-form:quorum-denominator")).clear();
    browser.type(By.id("telesession-form:quorum-denominator"), "1");
    invite(snina[1]);
    invite(lesko[1]);
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("telesession-form:save"));

    assertEquals(title, browser.heading());
    String record = browser.path() + "?" + URI.create(browser.driver().getCurrentUrl()).getQuery();
    assertTrue(browser.byId("invited").getText().contains(snina[1]));
    browser.type(By.id("item-form:item-title"), "Budżet");
    browser.clickAndWaitForAjax(By.id("item-form:save-item"));
    browser.type(By.id("item-form:item-title"), "Otwarcie");
    browser.type(By.id("item-form:item-presenter"), "Przewodniczący");
    browser.clickAndWaitForAjax(By.id("item-form:save-item"));
    browser.clickAndWaitForAjax(By.id("agenda-form:items:1:up"));
    assertEquals(
        "Otwarcie",
        browser.findAll(By.cssSelector("#agenda .item-title")).get(0).getText(),
        "the item moved up is first");
    browser.assertAccessible();

    browser.clickAndWaitForAjax(By.id("status-form:next:0:move"));
    assertEquals(text(PL, "telesession.status.OPEN"), browser.byId("status").getText());
    browser.signOut();

    for (String[] town : new String[][] {snina, lesko}) {
      asTown(
          town[0],
          record,
          () -> {
            browser.clickAndWaitForAjax(By.id("presence-form:join"));
            assertTrue(browser.messages().contains(text(EN, "telesession.joined")));
          });
    }

    browser.signIn(DemoUser.COORDINATOR);
    browser.open(record);
    assertEquals(2, browser.findAll(By.cssSelector("#attendance .attendee")).size());
    browser.type(By.id("open-motion-form:motion-text"), "Przyjmuje się budżet sieci na 2027 rok.");
    browser.clickAndWaitForAjax(By.id("open-motion-form:open-motion"));
    assertTrue(browser.messages().contains(text(PL, "telesession.motion.opened")));
    browser.signOut();

    for (String[] town : new String[][] {snina, lesko}) {
      asTown(
          town[0],
          record,
          () -> {
            browser.clickAndWaitForAjax(By.id("motions-form:motions:0:choices:0:vote"));
            assertTrue(
                browser.messages().contains(text(EN, "telesession.vote.cast", "Yes")),
                "" + browser.messages());
          });
    }

    browser.signIn(DemoUser.COORDINATOR);
    browser.open(record);
    browser.clickAndWaitForAjax(By.id("motions-form:motions:0:close-motion"));
    String resolution = browser.find(By.cssSelector(".motion .resolution")).getText();
    assertTrue(resolution.matches("\\d+/\\d{4}"), resolution);
    assertTrue(
        browser.messages().contains(text(PL, "telesession.motion.adopted", resolution)),
        "" + browser.messages());
    assertEquals(
        text(PL, "telesession.motion.ADOPTED"),
        browser.find(By.cssSelector(".motion .outcome")).getText());
    assertEquals("2", browser.find(By.cssSelector(".motion .yes")).getText());
    browser.assertAccessible();
  }
}
