package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The calendar in the browser: a coordinator adds a weekly meeting from the keyboard's "new event"
 * button, sees it every week in the week view, drags one occurrence to another day (the other weeks
 * keep theirs), and opens an occurrence, whose form offers to change just it or the series.
 */
class CalendarBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();

  /** The events FullCalendar shows in the day column of a date of the week view. */
  private static List<WebElement> eventsOn(String date) {
    return browser.findAll(
        By.cssSelector("td.fc-timegrid-col[data-date='" + date + "'] .fc-timegrid-event"));
  }

  private static boolean shows(String date, String title) {
    return eventsOn(date).stream().anyMatch(event -> event.getText().contains(title));
  }

  private static void openWeek(String monday) {
    browser.open("/calendar/view-calendar?date=" + monday + "&view=timeGridWeek");
    waitForEvents();
  }

  /** The schedule fetches its events with Ajax after the page loads. */
  private static void waitForEvents() {
    browser.waitUntilVisible(By.cssSelector("td.fc-timegrid-col"));
    browser.waitForPrimeFacesAjax();
  }

  private static void setValue(String id, String value) {
    browser.script(
        "var field = document.getElementById(arguments[0]); field.value = arguments[1];"
            + " field.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        value);
  }

  @Test
  void aCoordinatorAddsAWeeklyMeetingAndMovesOneOccurrenceByDragAndDrop() {
    String title = "Spotkanie " + UUID.randomUUID().toString().substring(0, 6);
    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-calendar-view-calendar"));
    assertEquals(text(PL, "page.viewCalendar"), browser.heading());
    waitForEvents();
    browser.assertAccessible();

    openWeek("2027-01-04");
    browser.clickAndWaitForAjax(By.id("calendar-form:new-event"));
    browser.waitUntilFocused("editor-heading");
    browser.type(By.id("event-form:title"), title);
    browser.type(By.id("event-form:location"), "Sala sesyjna");
    setValue("event-form:start-date", "2027-01-05");
    setValue("event-form:start-time", "14:00");
    setValue("event-form:end-date", "2027-01-05");
    setValue("event-form:end-time", "15:30");
    new Select(browser.byId("event-form:zone")).selectByValue("Europe/Warsaw");
    new Select(browser.byId("event-form:frequency")).selectByValue("WEEKLY");
    browser.type(By.id("event-form:count"), "4");
    browser.assertAccessible();
    browser.clickAndWaitForAjax(By.id("event-form:save-event"));
    browser.waitForPrimeFacesAjax();
    assertTrue(
        browser.messages().contains(text(PL, "calendar.event.saved", title)),
        "" + browser.messages());

    openWeek("2027-01-11");
    assertTrue(shows("2027-01-12", title), "the second occurrence is on Tuesday");
    browser.assertAccessible();

    // Drag the Tuesday occurrence one day column to the right, to Wednesday.
    WebElement event =
        eventsOn("2027-01-12").stream()
            .filter(e -> e.getText().contains(title))
            .findFirst()
            .orElseThrow();
    browser.script("arguments[0].scrollIntoView({block: 'center'});", event);
    WebElement wednesday =
        browser.find(By.cssSelector("td.fc-timegrid-col[data-date='2027-01-13']"));
    int columnWidth =
        wednesday.getLocation().getX()
            - event.getLocation().getX()
            + event.getSize().getWidth() / 2
            - wednesday.getSize().getWidth() / 2;
    new Actions(browser.driver())
        .clickAndHold(event)
        .pause(Duration.ofMillis(200))
        .moveByOffset(10, 0)
        .pause(Duration.ofMillis(100))
        .moveByOffset(columnWidth - 10, 0)
        .pause(Duration.ofMillis(200))
        .release()
        .perform();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> browser.messages().contains(text(PL, "calendar.event.moved", title)));
    browser.waitForPrimeFacesAjax();

    openWeek("2027-01-11");
    assertTrue(shows("2027-01-13", title), "the moved occurrence is on Wednesday");
    assertTrue(!shows("2027-01-12", title), "and no longer on Tuesday");
    openWeek("2027-01-18");
    assertTrue(shows("2027-01-19", title), "the next week's occurrence stays on Tuesday");

    // Opening an occurrence of the series offers to change it alone or more.
    WebElement next =
        eventsOn("2027-01-19").stream()
            .filter(e -> e.getText().contains(title))
            .findFirst()
            .orElseThrow();
    next.click();
    browser.waitForPrimeFacesAjax();
    browser.waitUntilFocused("editor-heading");
    assertEquals(title, browser.byId("event-form:title").getDomProperty("value"));
    assertEquals("2027-01-19", browser.byId("event-form:start-date").getDomProperty("value"));
    assertEquals(
        "ONE",
        new Select(browser.byId("event-form:scope"))
            .getFirstSelectedOption()
            .getDomAttribute("value"));
    browser.assertAccessible();
  }

  @Test
  void anEventWithoutATitleIsRefusedWithATranslatedMessageAndKeepsWhatWasTyped() {
    browser.signIn(DemoUser.CLERK);
    Language sk = DemoUser.CLERK.language();
    openWeek("2027-02-01");
    browser.clickAndWaitForAjax(By.id("calendar-form:new-event"));
    browser.type(By.id("event-form:location"), "<script>alert(1)</script>");
    browser.clickAndWaitForAjax(By.id("event-form:save-event"));
    String error = browser.fieldError(By.id("event-form:title"));
    assertTrue(!error.isBlank(), "the title's error is said");
    assertEquals(
        "<script>alert(1)</script>", browser.byId("event-form:location").getDomProperty("value"));
    assertEquals(text(sk, "page.viewCalendar"), browser.heading());
    browser.assertAccessible();
  }
}
