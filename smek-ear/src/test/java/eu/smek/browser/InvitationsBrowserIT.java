package eu.smek.browser;

import static eu.smek.browser.DemoApi.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Mailbox;
import eu.smek.shared.Language;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Invitations in the browser: the Przemyśl coordinator finds the Humenné clerk, looks at when she
 * is busy and invites her; she accepts on the event's page and the coordinator sees it. The link of
 * the invitation e-mail opens the answer page without signing in; a wrong link says so. Every page
 * passes axe-core.
 */
class InvitationsBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final Language SK = DemoUser.CLERK.language();
  private static final String CLERK_NAME = "Jana Horváthová";
  private static final String CLERK_ADDRESS = "clerk@demo.smek.example";
  private static final Pattern TOKEN =
      Pattern.compile("answer-invitation\\.xhtml\\?token=([A-Za-z0-9_-]{43})");

  @Test
  void theOrganiserInvitesTheClerkWhoAcceptsInTheApplication() throws Exception {
    String title = "Rada partnerska " + UUID.randomUUID().toString().substring(0, 6);
    long event = createEvent(title);

    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/calendar/view-event?id=" + event);
    assertEquals(title, browser.heading());
    assertTrue(browser.byId("no-attendees").isDisplayed());
    browser.assertAccessible();

    browser.type(By.id("invite-form:invitee-search"), "Horváth");
    browser.clickAndWaitForAjax(By.id("invite-form:find-invitees"));
    WebElement clerk =
        browser.findAll(By.cssSelector("#candidates li")).stream()
            .filter(li -> li.getText().contains(CLERK_NAME))
            .filter(li -> li.getText().contains(Browser.text(PL, "calendar.invitee.ACCOUNT")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError(browser.byId("invite-form:found-invitees").getText()));
    clerk.findElement(By.tagName("button")).click();
    browser.waitForPrimeFacesAjax();
    assertTrue(browser.byId("chosen").getText().contains(CLERK_NAME));
    browser.clickAndWaitForAjax(By.id("invite-form:show-free-busy"));
    assertTrue(browser.byId("free-busy").getText().contains(CLERK_NAME));
    browser.assertAccessible();
    browser.clickAndWaitForAjax(By.id("invite-form:send-invitations"));
    String attendees = browser.byId("attendees").getText();
    assertTrue(attendees.contains(CLERK_NAME), attendees);
    assertTrue(attendees.contains(Browser.text(PL, "calendar.answer.NEEDS_ACTION")), attendees);
    assertTrue(
        browser.messages().contains(Browser.text(PL, "calendar.invitation.sent", 1)),
        browser.messages().toString());
    browser.assertAccessible();
    browser.signOut();

    browser.signIn(DemoUser.CLERK);
    browser.open("/calendar/view-event?id=" + event);
    assertEquals(title, browser.heading());
    browser.assertAccessible();
    browser.clickAndWaitForAjax(By.id("answer-form:accept"));
    assertTrue(
        browser.byId("my-answer").getText().contains(Browser.text(SK, "calendar.answer.ACCEPTED")),
        browser.byId("my-answer").getText());
    browser.assertAccessible();
    browser.signOut();

    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/calendar/view-event?id=" + event);
    assertTrue(
        browser.byId("attendees").getText().contains(Browser.text(PL, "calendar.answer.ACCEPTED")),
        browser.byId("attendees").getText());
  }

  @Test
  void theEmailsLinkAnswersWithoutSigningInAndAWrongLinkSaysSo() throws Exception {
    String title = "Konsultacje " + UUID.randomUUID().toString().substring(0, 6);
    long event = createEvent(title);
    HttpResponse<String> invited =
        coordinator()
            .send(
                "POST",
                "/api/v1/calendar/events/" + event + "/attendees",
                Json.createObjectBuilder()
                    .add("version", version(event))
                    .add(
                        "invitees",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("type", "ORGANISATION")
                                    .add("id", clerksTown())))
                    .build()
                    .toString());
    assertEquals(200, invited.statusCode(), invited.body());
    String raw = Mailbox.awaitRaw(CLERK_ADDRESS, mail -> decoded(mail).contains(title));
    Matcher token = TOKEN.matcher(decoded(raw));
    assertTrue(token.find(), decoded(raw));

    browser.open("/calendar/answer-invitation?token=" + token.group(1));
    assertTrue(browser.byId("event-heading").getText().contains(title));
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("answer-form:decline"));
    Language shown = browser.language();
    assertTrue(
        browser
            .byId("my-answer")
            .getText()
            .contains(Browser.text(shown, "calendar.answer.DECLINED")),
        browser.byId("my-answer").getText());
    browser.assertAccessible();

    browser.open("/calendar/answer-invitation?token=" + "x".repeat(43));
    assertTrue(
        browser
            .messages()
            .contains(Browser.text(browser.language(), "calendar.invitation.tokenInvalid")),
        browser.messages().toString());
    browser.assertAccessible();
  }

  // Helpers

  /** A timed event in the coordinator's town calendar next year, through the REST API. */
  private long createEvent(String title) throws Exception {
    return coordinator()
        .createEvent(
            Json.createObjectBuilder()
                .add("title", title)
                .add("location", "Ratusz w Przemyślu")
                .add("start", "2027-06-15T10:00")
                .add("end", "2027-06-15T11:30")
                .add("timeZone", "Europe/Warsaw")
                .add("visibility", "PRIVATE"));
  }

  private long version(long event) throws Exception {
    return object(coordinator().send("GET", "/api/v1/calendar/events/" + event, null))
        .getJsonNumber("version")
        .longValue();
  }

  /** The clerk's town, from what the API tells her about herself. */
  private long clerksTown() throws Exception {
    HttpResponse<String> me =
        new DemoApi(browser.base(), DemoUser.CLERK).send("GET", "/api/v1/me", null);
    assertEquals(200, me.statusCode(), me.body());
    return object(me).getJsonObject("organisation").getJsonNumber("id").longValue();
  }

  private static DemoApi coordinator() {
    return new DemoApi(browser.base(), DemoUser.COORDINATOR);
  }

  /** The raw message with quoted-printable's soft line breaks and "=" undone, enough for links. */
  private static String decoded(String raw) {
    return raw.replace("=\r\n", "").replace("=3D", "=");
  }
}
