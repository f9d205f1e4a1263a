package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Http;
import eu.smek.shared.Language;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live room in two browsers with fake cameras and microphones, without a media server (a mesh):
 * the chair is in at once, the guest waits in the lobby until the chair lets them in; each then
 * receives the other's sound and picture (bytes counted by WebRTC's statistics); the guest's chat
 * message reaches the chair as text; the chair shows an agenda item and puts a roll-call motion to
 * the vote, the guest's town votes, and the result appears for both. axe-core passes on the room in
 * the lobby and in session.
 */
class RoomBrowserIT extends BrowserTest {

  @RegisterExtension static final Browser chair = new Browser(Browser.FAKE_MEDIA);
  @RegisterExtension static final Browser guest = new Browser(Browser.FAKE_MEDIA);

  private static final Duration MEDIA_PATIENCE = Duration.ofSeconds(40);

  @ArquillianResource
  @OperateOnDeployment(TelesessionBrowserIT.SEED)
  private URL seedBase;

  @Deployment(name = TelesessionBrowserIT.SEED, order = 2, testable = false)
  static WebArchive seed() {
    return TelesessionBrowserIT.seed();
  }

  @Test
  void twoTownsMeetVoteAndChatInTheRoom() throws Exception {
    String[] chairs = town("Miasto Pokojowe");
    String[] guests = town("Mesto Hosťovské");
    long room = openSession(chairs, guests);
    String path = "/telesession/attend-telesession.xhtml?id=" + room;
    chair.startAt(base);
    guest.startAt(base);

    chair.signIn(chairs[0], TelesessionSeedServlet.PASSWORD);
    chair.open(path);
    waitForText(chair, "room-status", text(Language.EN, "telesession.room.in"));
    assertTrue(chair.byId("room-notice").getText().contains("4"));

    guest.signIn(guests[0], TelesessionSeedServlet.PASSWORD);
    guest.open(path);
    waitForText(guest, "room-status", text(Language.EN, "telesession.room.lobby"));
    guest.assertAccessible();

    // The chair lets the guest in from the lobby.
    chair.waitUntilVisible(By.id("admit-" + guests[3])).click();
    waitForText(guest, "room-status", text(Language.EN, "telesession.room.in"));

    // Each receives the other's sound and picture.
    assertReceives(chair, guests[3]);
    assertReceives(guest, chairs[3]);
    // Two people in the room, each listed once (what one reports of oneself is not a third).
    assertEquals(2, chair.findAll(By.cssSelector("#participants li")).size());
    assertEquals(2, guest.findAll(By.cssSelector("#participants li")).size());

    // Chat, as text (markup in it stays text).
    guest.type(By.id("chat-text"), "Dobrý deň <b>všetkým</b>");
    guest.byId("chat-send").click();
    new WebDriverWait(chair.driver(), MEDIA_PATIENCE)
        .until(d -> chair.byId("chat-log").getText().contains("Dobrý deň <b>všetkým</b>"));
    assertTrue(chair.findAll(By.cssSelector("#chat-log b")).isEmpty());

    // The agenda item shown to all; a roll-call vote and its result for all.
    chair.byId("item-show").click();
    waitForText(guest, "current-item", "1. Rozpočet siete");
    chair.type(By.id("motion-text"), "Schvaľuje sa rozpočet siete.");
    chair.byId("motion-open").click();
    guest.waitUntilVisible(By.id("vote-yes")).click();
    new WebDriverWait(chair.driver(), MEDIA_PATIENCE)
        .until(d -> chair.byId("vote-result").getText().startsWith("Yes 1, no 0, abstain 0"));
    chair.assertAccessible();
    chair.byId("motion-close").click();
    new WebDriverWait(guest.driver(), MEDIA_PATIENCE)
        .until(d -> guest.byId("vote-result").getText().contains("Adopted as resolution"));
    assertTrue(
        chair.byId("vote-result").getText().matches(".*Adopted as resolution \\d+/\\d{4}\\..*"),
        chair.byId("vote-result").getText());
    guest.assertAccessible();
  }

  /** Waits until the browser has received audio and video bytes from the other participant. */
  private static void assertReceives(Browser browser, String from) {
    new WebDriverWait(browser.driver(), MEDIA_PATIENCE)
        .until(
            d -> {
              Object stats =
                  ((org.openqa.selenium.JavascriptExecutor) d)
                      .executeAsyncScript(
                          "var from = arguments[0], done = arguments[arguments.length - 1];"
                              + " smekRoom.stats().then(function (s) { done(s[from] || null); });",
                          from);
              if (!(stats instanceof Map<?, ?> received)) {
                return false;
              }
              return ((Number) received.get("audioBytes")).longValue() > 0
                  && ((Number) received.get("videoBytes")).longValue() > 0;
            });
  }

  private static void waitForText(Browser browser, String id, String expected) {
    new WebDriverWait(browser.driver(), MEDIA_PATIENCE)
        .until(d -> browser.byId(id).getText().equals(expected));
  }

  /** A network session of the chair's town with the guest's town, no quorum, one item, open. */
  private long openSession(String[] chairs, String[] guests) throws Exception {
    Http http = new Http(base.toExternalForm());
    String auth = Http.basic(chairs[0], TelesessionSeedServlet.PASSWORD);
    JsonObject created =
        json(
            send(
                http,
                auth,
                "POST",
                "/api/v1/telesessions",
                Json.createObjectBuilder()
                    .add("title", "Rada " + UUID.randomUUID().toString().substring(0, 6))
                    .add("start", "2027-06-01T10:00")
                    .add("end", "2027-06-01T12:00")
                    .add("timeZone", "Europe/Warsaw")
                    .add("visibility", "NETWORK")
                    .add("chairAccountId", Long.parseLong(chairs[3]))
                    .add("secretaryAccountId", Long.parseLong(chairs[3]))
                    .add(
                        "quorum",
                        Json.createObjectBuilder()
                            .add("numerator", 0)
                            .add("denominator", 1)
                            .add("strict", false))
                    .add("organisations", Json.createArrayBuilder().add(Long.parseLong(guests[2])))
                    .build()
                    .toString(),
                201));
    long id = created.getJsonNumber("id").longValue();
    send(
        http,
        auth,
        "POST",
        "/api/v1/telesessions/" + id + "/agenda",
        "{\"title\": \"Rozpočet siete\", \"presenter\": \"Ján\", \"minutes\": 20}",
        201);
    send(
        http,
        auth,
        "POST",
        "/api/v1/telesessions/" + id + "/status",
        "{\"version\": " + created.getJsonNumber("version") + ", \"status\": \"OPEN\"}",
        200);
    return id;
  }

  private static HttpResponse<String> send(
      Http http, String auth, String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            http.request(path)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    assertEquals(expected, response.statusCode(), response.body());
    return response;
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private String[] town(String name) throws IOException, InterruptedException {
    return TelesessionSeed.town(seedBase.toExternalForm(), name);
  }
}
