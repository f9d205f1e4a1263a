package eu.smek.it;

import static eu.smek.it.Api.array;
import static eu.smek.it.Api.assertProblem;
import static eu.smek.it.Api.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calendar's REST API from outside: calendars, occurrences with recurrence expansion across DST
 * in the reader's zone, other towns, edit scopes, invalid, oversized and hostile input as
 * translated problems, and two clients changing one event at once.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarWebIT extends InContainerTest {

  private final Http http = Http.local();
  private final Api api = new Api(http);
  private AccountPrincipal clerk;
  private AccountPrincipal colleague;
  private AccountPrincipal foreignClerk;
  private long calendar;

  @BeforeEach
  void towns() throws Exception {
    long town = data.memberTown("Miasto Sanok " + UUID.randomUUID(), Country.PL);
    long otherTown = data.memberTown("Mesto Svidník " + UUID.randomUUID(), Country.SK);
    clerk = data.account(Role.CLERK, data.code(town));
    colleague = data.account(Role.CLERK, data.code(town));
    foreignClerk = data.account(Role.CLERK, data.code(otherTown));
    JsonArray calendars = array(api.get(clerk, "/api/v1/calendar/calendars"));
    assertEquals("NETWORK", calendars.getJsonObject(0).getString("spaceType"));
    assertEquals("SMEK network", calendars.getJsonObject(0).getString("name"));
    JsonObject own = calendars.getJsonObject(1);
    assertEquals("ORGANISATION", own.getString("spaceType"));
    assertEquals(town, own.getJsonNumber("spaceId").longValue());
    assertTrue(own.getBoolean("mayEdit"));
    calendar = own.getJsonNumber("id").longValue();
  }

  @Test
  void aWeeklyMeetingInWarsawIsShownAtItsTimeInKyivAcrossDst() throws Exception {
    HttpResponse<String> created =
        post(
            clerk,
            event("Rada", "2026-03-19T10:00", "2026-03-19T11:00", "NETWORK")
                .add("rrule", "FREQ=WEEKLY;BYDAY=TH;COUNT=4"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject event = object(created);
    assertEquals("FREQ=WEEKLY;BYDAY=TH;COUNT=4", event.getString("rrule"));
    assertTrue(event.getString("uid").endsWith("@smek-int"));

    JsonArray found =
        array(
            api.get(
                foreignClerk,
                "/api/v1/calendar/occurrences?from=2026-03-01&to=2026-05-01&zone=Europe/Kyiv&calendar="
                    + calendar));
    assertEquals(4, found.size(), found.toString());
    List<String> starts = new ArrayList<>();
    List<String> eventStarts = new ArrayList<>();
    for (JsonValue value : found) {
      starts.add(value.asJsonObject().getString("start"));
      eventStarts.add(value.asJsonObject().getString("eventStart"));
    }
    assertEquals(
        List.of("2026-03-19T11:00", "2026-03-26T11:00", "2026-04-02T11:00", "2026-04-09T11:00"),
        starts);
    assertEquals(
        List.of(
            "2026-03-19T10:00+01:00",
            "2026-03-26T10:00+01:00",
            "2026-04-02T10:00+02:00",
            "2026-04-09T10:00+02:00"),
        eventStarts);
    assertEquals("2026-03-26T10:00", found.getJsonObject(1).getString("recurrenceId"));
  }

  @Test
  void anotherTownDoesNotSeeAPrivateEventAndCannotChangeANetworkOne() throws Exception {
    JsonObject secret =
        object(post(clerk, event("Tajne", "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")));
    JsonObject shared =
        object(post(clerk, event("Wspólne", "2026-06-11T10:00", "2026-06-11T11:00", "NETWORK")));

    HttpResponse<String> hidden =
        api.get(foreignClerk, "/api/v1/calendar/events/" + secret.getInt("id"));
    assertEquals(404, hidden.statusCode());
    assertEquals("error.recordNotFound", object(hidden).getString("code"));
    JsonArray seen =
        array(
            api.get(
                foreignClerk,
                "/api/v1/calendar/occurrences?from=2026-06-01&to=2026-07-01&zone=Europe/Bratislava&calendar="
                    + calendar));
    assertEquals(1, seen.size());
    assertEquals("Wspólne", seen.getJsonObject(0).getString("title"));
    assertFalse(
        object(api.get(foreignClerk, "/api/v1/calendar/events/" + shared.getInt("id")))
            .getBoolean("mayEdit"));
    HttpResponse<String> refused =
        put(
            foreignClerk,
            "/api/v1/calendar/events/" + shared.getInt("id"),
            event("Moje", "2026-06-11T10:00", "2026-06-11T11:00", "NETWORK")
                .add("version", shared.getInt("version")));
    assertEquals(403, refused.statusCode());
    assertEquals(401, http.get("/api/v1/calendar/calendars").statusCode());
  }

  @Test
  void oneOccurrenceAndThisAndFollowingOverRest() throws Exception {
    JsonObject series =
        object(
            post(
                clerk,
                event("Rada", "2026-05-04T09:00", "2026-05-04T10:00", "PRIVATE")
                    .add("rrule", "FREQ=WEEKLY;BYDAY=MO")));
    String path = "/api/v1/calendar/events/" + series.getInt("id");

    HttpResponse<String> one =
        put(
            clerk,
            path + "?scope=ONE&occurrence=2026-05-11T09:00",
            event("Rada (wtorek)", "2026-05-12T09:00", "2026-05-12T10:00", "PRIVATE")
                .add("version", series.getInt("version")));
    assertEquals(200, one.statusCode(), one.body());
    JsonObject moved = object(one);
    assertEquals(series.getInt("id"), moved.getInt("masterId"));
    assertEquals("2026-05-11T09:00", moved.getString("recurrenceId"));
    assertEquals(series.getString("uid"), moved.getString("uid"));

    JsonObject reread = object(api.get(clerk, path));
    assertTrue(reread.getInt("sequence") > series.getInt("sequence"));
    HttpResponse<String> following =
        put(
            clerk,
            path + "?scope=THIS_AND_FOLLOWING&occurrence=2026-05-25T09:00",
            event("Rada (nowa)", "2026-05-25T15:00", "2026-05-25T16:00", "PRIVATE")
                .add("rrule", "FREQ=WEEKLY;BYDAY=MO")
                .add("version", reread.getInt("version")));
    assertEquals(200, following.statusCode(), following.body());
    assertNotEquals(series.getString("uid"), object(following).getString("uid"));

    HttpResponse<String> deleted =
        api.send(
            clerk,
            "DELETE",
            path
                + "?version="
                + object(api.get(clerk, path)).getInt("version")
                + "&scope=ONE&occurrence=2026-05-18T09:00",
            null);
    assertEquals(204, deleted.statusCode(), deleted.body());

    List<String> starts = new ArrayList<>();
    for (JsonValue value :
        array(
            api.get(
                clerk,
                "/api/v1/calendar/occurrences?from=2026-05-01&to=2026-06-09&zone=Europe/Warsaw&calendar="
                    + calendar))) {
      starts.add(
          value.asJsonObject().getString("start") + " " + value.asJsonObject().getString("title"));
    }
    assertEquals(
        List.of(
            "2026-05-04T09:00 Rada",
            "2026-05-12T09:00 Rada (wtorek)",
            "2026-05-25T15:00 Rada (nowa)",
            "2026-06-01T15:00 Rada (nowa)",
            "2026-06-08T15:00 Rada (nowa)"),
        starts);
  }

  @Test
  void hostileTextComesBackAsTheSameTextInJson() throws Exception {
    String script =
        "<script>alert(\"x\")</script><img src=x onerror=alert(1)>'; DROP TABLE calendar_event; --";
    HttpResponse<String> created =
        post(
            clerk,
            event(script, "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")
                .add("location", "\" onmouseover=\"alert(1)")
                .add("description", "Żółw\n\tzielony"));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertEquals("nosniff", created.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertFalse(created.body().contains("alert(\"x\")"), "quotes are escaped in the JSON text");
    JsonObject event =
        object(api.get(clerk, "/api/v1/calendar/events/" + object(created).getInt("id")));
    assertEquals(script, event.getString("title"));
    assertEquals("\" onmouseover=\"alert(1)", event.getString("location"));
  }

  @Test
  void invalidOversizedAndHostileRequestsAreTranslatedProblems() throws Exception {
    assertProblem(
        post(
            clerk,
            event("x".repeat(301), "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE"),
            "Accept-Language",
            "sk"),
        400,
        "calendar.api.invalidFields",
        "title");
    assertProblem(
        post(
            clerk,
            event("Rada", "2026-06-10T10:00", "2026-06-10T09:00", "PRIVATE"),
            "Accept-Language",
            "pl"),
        422,
        "calendar.rule.endBeforeStart",
        "Wydarzenie musi kończyć się");
    assertProblem(
        post(
            clerk,
            event("Rada", "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")
                .add("rrule", "FREQ=SECONDLY"),
            "Accept-Language",
            "pl"),
        422,
        "calendar.rule.invalidRecurrence",
        "Reguła powtarzania");
    assertProblem(
        post(
            clerk,
            event("Rada", "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")
                .add("timeZone", "Europe/Warsaw'; --"),
            "Accept-Language",
            "en"),
        422,
        "calendar.rule.unknownTimeZone",
        "Europe/Warsaw'; --");
    assertProblem(
        post(
            clerk,
            event("Rada", "10:00 tomorrow", "2026-06-10T11:00", "PRIVATE"),
            "Accept-Language",
            "en"),
        400,
        "calendar.api.invalidFields",
        "start");
    assertProblem(
        post(
            clerk,
            event("Rada", "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")
                .add("description", "x".repeat(100_000)),
            "Accept-Language",
            "en"),
        400,
        "calendar.api.invalidFields",
        "description");
    assertProblem(
        post(
            clerk,
            event("Rada", "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")
                .add("description", "Ż\u0000ółw"),
            "Accept-Language",
            "en"),
        400,
        "calendar.api.invalidFields",
        "description");
    assertProblem(
        api.get(
            clerk,
            "/api/v1/calendar/occurrences?from=2026-01-01&to=2036-01-01&zone=Europe/Warsaw",
            "Accept-Language",
            "sk"),
        422,
        "calendar.rule.rangeTooLong",
        "366");
    assertProblem(
        api.get(
            clerk,
            "/api/v1/calendar/occurrences?from="
                + URLEncoder.encode("2026-01-01' OR '1'='1", UTF_8)
                + "&to=2026-02-01&zone=Europe/Warsaw"),
        400,
        "calendar.api.invalidFields",
        "from");
    assertProblem(
        api.get(
            clerk,
            "/api/v1/calendar/occurrences?from=2026-01-01&to=2026-02-01&zone="
                + URLEncoder.encode("<script>", UTF_8)),
        422,
        "calendar.rule.unknownTimeZone",
        "<script>");
    assertProblem(
        api.get(clerk, "/api/v1/calendar/occurrences?from=2026-01-01&to=2026-02-01"),
        400,
        "calendar.api.fieldMissing",
        "zone");
    HttpResponse<String> broken =
        api.sendJson(clerk, "POST", "/api/v1/calendar/events", "{\"title\": \"Rada\", \"start\": ");
    assertEquals(400, broken.statusCode());
    assertEquals(
        0,
        data.query(
                "select count(e) from CalendarEvent e where e.calendar.id = ?1",
                Long.class,
                calendar)
            .get(0),
        "nothing was stored");
  }

  @Test
  void twoClientsChangingOneEventAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
    JsonObject event =
        object(post(clerk, event("Rada", "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")));
    String path = "/api/v1/calendar/events/" + event.getInt("id");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (AccountPrincipal who : List.of(clerk, colleague)) {
        Callable<HttpResponse<String>> change =
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return put(
                  who,
                  path,
                  event("Rada " + who.login(), "2026-06-10T10:00", "2026-06-10T11:00", "PRIVATE")
                      .add("version", event.getInt("version")));
            };
        answers.add(pool.submit(change));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      String winner = null;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() == 200) {
          winner = object(response).getString("title");
        } else {
          assertEquals(
              "error.concurrentChange", object(response).getString("code"), response.body());
        }
      }
      statuses.sort(Integer::compare);
      assertEquals(List.of(200, 409), statuses);
      JsonObject stored = object(api.get(clerk, path));
      assertEquals(winner, stored.getString("title"));
      assertEquals(event.getInt("sequence") + 1, stored.getInt("sequence"));
    } finally {
      pool.shutdownNow();
    }
  }

  // Helpers

  private JsonObjectBuilder event(String title, String start, String end, String visibility) {
    return TestCalendars.eventJson(calendar, title, start, end, visibility)
        .add("categories", Json.createArrayBuilder().add("rada"));
  }

  private HttpResponse<String> post(AccountPrincipal who, JsonObjectBuilder body, String... headers)
      throws Exception {
    return api.send(who, "POST", "/api/v1/calendar/events", body, headers);
  }

  private HttpResponse<String> put(AccountPrincipal who, String path, JsonObjectBuilder body)
      throws Exception {
    return api.send(who, "PUT", path, body);
  }
}
