package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Http;
import eu.smek.shared.Language;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Rooms and equipment in the browser: the demo coordinator adds a room to Przemyśl's town hall,
 * sees that it is free, an event books it (over the API, as the calendar page will) and the week
 * shows it; then deactivates it. A clerk of another town sees the rooms without the forms.
 */
class ResourcesBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();

  @Test
  void theCoordinatorAddsARoomAndSeesWhenItIsBooked() throws Exception {
    String name = "Sala " + UUID.randomUUID().toString().substring(0, 6);
    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-calendar-list-resources"));
    assertEquals(text(PL, "page.listResources"), browser.heading());
    assertTrue(browser.byId("resources").getText().contains("Projektor przenośny"));
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("new-resource"));
    new Select(browser.byId("resource-form:kind")).selectByValue("ROOM");
    browser.type(By.id("resource-form:name"), name);
    browser.type(By.id("resource-form:capacity"), "25");
    browser.type(By.id("resource-form:description"), "Rynek 1, II piętro");
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("resource-form:save"));

    assertEquals("/calendar/list-resources", browser.path());
    assertEquals(List.of(text(PL, "calendar.resource.saved", name)), browser.messages());
    assertEquals(
        text(PL, "calendar.resource.freeBusy", name), browser.byId("free-busy-heading").getText());
    assertFalse(browser.findAll(By.id("free")).isEmpty(), "nothing booked yet");
    browser.assertAccessible();

    long room = Long.parseLong(query("resource"));
    book(room, "Spotkanie z partnerami z Humennego", "2026-06-10T10:00", "2026-06-10T12:00");
    browser.open("/calendar/list-resources?resource=" + room + "&week=2026-06-10");
    assertEquals(
        text(
            PL,
            "calendar.resource.weekOf",
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(PL.locale())
                .format(LocalDate.parse("2026-06-08"))),
        browser.byId("week").getText(),
        "the week from Monday");
    List<WebElement> rows = browser.findAll(By.cssSelector("#busy tbody tr"));
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).getText().contains("Spotkanie z partnerami z Humennego"));
    assertTrue(rows.get(0).getText().contains("10:00"), rows.get(0).getText());
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("next-week"));
    assertFalse(browser.findAll(By.id("free")).isEmpty());

    browser.clickAndWaitForPage(By.id("edit-" + room));
    assertEquals(name, browser.byId("resource-form:name").getDomProperty("value"));
    browser.byId("resource-form:active").click();
    browser.clickAndWaitForPage(By.id("resource-form:save"));
    assertEquals(
        text(PL, "calendar.resource.notOffered"),
        browser.find(By.cssSelector("#resource-" + room + " .status")).getText());
    browser.assertAccessible();
  }

  @Test
  void aClerkOfAnotherTownSeesTheRoomsFilteredByTownWithoutTheForms() {
    browser.signIn(DemoUser.CLERK);
    browser.open("/calendar/list-resources");
    assertTrue(browser.findAll(By.id("new-resource")).isEmpty());
    assertTrue(browser.findAll(By.cssSelector("[id^='edit-']")).isEmpty(), "only the town's own");
    Select towns = new Select(browser.byId("town"));
    towns.selectByVisibleText("Mesto Humenné");
    browser.clickAndWaitForPage(By.id("filter"));
    String shown = browser.byId("resources").getText();
    assertTrue(shown.contains("Zasadačka mestského úradu"), shown);
    assertFalse(shown.contains("Projektor przenośny"), shown);
    assertFalse(shown.contains("Sala nr 12"), "deactivated rooms are not offered to others");
    browser.assertAccessible();
  }

  private String query(String parameter) {
    String url = browser.driver().getCurrentUrl();
    for (String pair : url.substring(url.indexOf('?') + 1).split("[&#]")) {
      if (pair.startsWith(parameter + "=")) {
        return pair.substring(parameter.length() + 1);
      }
    }
    throw new AssertionError(url);
  }

  /** Adds an event to Przemyśl's calendar and books the room for it, over the REST API. */
  private void book(long room, String title, String start, String end) throws Exception {
    Http api = new Http(browser.base());
    String auth = Http.basic(DemoUser.COORDINATOR.login(), DemoUser.COORDINATOR.password());
    JsonObject town =
        Json.createReader(
                new StringReader(
                    api.get("/api/v1/calendar/calendars", "Authorization", auth).body()))
            .readArray()
            .getJsonObject(1);
    String event =
        Json.createObjectBuilder()
            .add("calendarId", town.getInt("id"))
            .add("title", title)
            .add("start", start)
            .add("end", end)
            .add("timeZone", "Europe/Warsaw")
            .add("visibility", "NETWORK")
            .build()
            .toString();
    HttpResponse<String> created =
        api.send(
            api.request("/api/v1/calendar/events")
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event, UTF_8))
                .build());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject stored = Json.createReader(new StringReader(created.body())).readObject();
    HttpResponse<String> booked =
        api.send(
            api.request("/api/v1/calendar/events/" + stored.getInt("id") + "/bookings")
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("resourceId", room)
                            .add("version", stored.getInt("version"))
                            .build()
                            .toString(),
                        UTF_8))
                .build());
    assertEquals(201, booked.statusCode(), booked.body());
  }
}
