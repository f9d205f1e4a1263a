package eu.smek.it;

import static eu.smek.it.Api.array;
import static eu.smek.it.Api.assertProblem;
import static eu.smek.it.Api.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Rooms, equipment and bookings over REST: a coordinator's own town's resources, bookings with the
 * event's version, a double booking as a translated problem, free/busy, other towns, invalid,
 * oversized and hostile input, and several clients booking one room at once.
 */
@ExtendWith(ArquillianExtension.class)
class BookingWebIT extends InContainerTest {

  private final Http http = Http.local();
  private final Api api = new Api(http);
  private AccountPrincipal coordinator;
  private AccountPrincipal clerk;
  private AccountPrincipal foreignCoordinator;
  private AccountPrincipal foreignClerk;
  private long calendar;
  private long town;

  @BeforeEach
  void towns() throws Exception {
    town = data.memberTown("Miasto Krosno " + UUID.randomUUID(), Country.PL);
    long otherTown = data.memberTown("Mesto Svidník " + UUID.randomUUID(), Country.SK);
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(town));
    clerk = data.account(Role.CLERK, data.code(town));
    foreignCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    foreignClerk = data.account(Role.CLERK, data.code(otherTown));
    calendar = api.townCalendar(clerk);
  }

  @Test
  void aCoordinatorAddsAndChangesTheirTownsRoomAndOthersOnlySeeIt() throws Exception {
    HttpResponse<String> created =
        api.send(coordinator, "POST", "/api/v1/calendar/resources", room("Sala obrad"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject room = object(created);
    assertEquals("ROOM", room.getString("kind"));
    assertEquals(40, room.getInt("capacity"));
    assertEquals(town, room.getJsonNumber("organisationId").longValue());
    assertEquals("Europe/Warsaw", room.getString("timeZone"));
    assertTrue(room.getBoolean("mayEdit"));
    String path = "/api/v1/calendar/resources/" + room.getInt("id");

    JsonArray seen =
        array(api.get(foreignClerk, "/api/v1/calendar/resources?organisation=" + town));
    assertEquals(1, seen.size());
    assertFalse(seen.getJsonObject(0).getBoolean("mayEdit"));
    assertProblem(
        api.send(
            foreignCoordinator,
            "PUT",
            path,
            room("Nasza sala").add("version", room.getInt("version"))),
        403,
        "error.accessDenied",
        "");
    assertProblem(
        api.send(clerk, "POST", "/api/v1/calendar/resources", room("Sala 2")),
        403,
        "error.accessDenied",
        "");

    HttpResponse<String> changed =
        api.send(
            coordinator,
            "PUT",
            path,
            room("Sala obrad").add("active", false).add("version", room.getInt("version")));
    assertEquals(200, changed.statusCode(), changed.body());
    assertFalse(object(changed).getBoolean("active"));
    assertProblem(
        api.send(coordinator, "PUT", path, room("Sala").add("version", room.getInt("version"))),
        409,
        "error.concurrentChange",
        "");
    assertEquals(
        404, api.get(foreignClerk, path).statusCode(), "deactivated: not offered to others");
    assertEquals(200, api.get(coordinator, path).statusCode());
    assertEquals(401, http.get("/api/v1/calendar/resources").statusCode());
  }

  @Test
  void anEventBooksARoomAndAnOverlappingOneIsRefusedWithATranslatedProblem() throws Exception {
    long room =
        object(api.send(coordinator, "POST", "/api/v1/calendar/resources", room("Sala obrad")))
            .getInt("id");
    JsonObject council =
        object(
            api.created(
                clerk,
                "/api/v1/calendar/events",
                event("Rada miasta", "2026-06-10T10:00", "2026-06-10T11:00")));
    String bookings = "/api/v1/calendar/events/" + council.getInt("id") + "/bookings";

    HttpResponse<String> booked =
        book(clerk, council.getInt("id"), room, council.getInt("version"));
    assertEquals(201, booked.statusCode(), booked.body());
    assertEquals(council.getInt("version") + 1, object(booked).getInt("eventVersion"));
    assertEquals("Sala obrad", object(booked).getJsonObject("booking").getString("resourceName"));
    JsonArray list = array(api.get(clerk, bookings));
    assertEquals(1, list.size());
    assertEquals(room, list.getJsonObject(0).getInt("resourceId"));

    JsonObject committee =
        object(
            api.created(
                clerk,
                "/api/v1/calendar/events",
                event("Komisja", "2026-06-10T10:30", "2026-06-10T12:00")));
    assertProblem(
        book(
            clerk,
            committee.getInt("id"),
            room,
            committee.getInt("version"),
            "Accept-Language",
            "pl"),
        422,
        "calendar.rule.resourceBooked",
        "„Sala obrad” ma już w tym czasie rezerwację: „Rada miasta”, 2026-06-10 10:00.");

    JsonArray busy =
        array(
            api.get(
                foreignClerk,
                "/api/v1/calendar/resources/"
                    + room
                    + "/busy?from=2026-06-08&to=2026-06-15&zone=Europe/Kyiv"));
    assertEquals(1, busy.size());
    assertEquals("2026-06-10T11:00", busy.getJsonObject(0).getString("start"), "shown in Kyiv");
    JsonObject hidden = busy.getJsonObject(0);
    assertTrue(
        !hidden.containsKey("title") || hidden.isNull("title"), "a private event of another town");
    assertTrue(!hidden.containsKey("eventId") || hidden.isNull("eventId"));
    assertFalse(busy.toString().contains("Rada"), busy.toString());
    assertEquals(
        "Rada miasta",
        array(
                api.get(
                    clerk,
                    "/api/v1/calendar/resources/" + room + "/busy?from=2026-06-08&to=2026-06-15"))
            .getJsonObject(0)
            .getString("title"));

    assertProblem(
        api.send(
            clerk, "DELETE", bookings + "/" + room + "?version=" + council.getInt("version"), null),
        409,
        "error.concurrentChange",
        "");
    HttpResponse<String> freed =
        api.send(
            clerk,
            "DELETE",
            bookings + "/" + room + "?version=" + object(booked).getInt("eventVersion"),
            null);
    assertEquals(204, freed.statusCode(), freed.body());
    assertEquals(
        201, book(clerk, committee.getInt("id"), room, committee.getInt("version")).statusCode());
  }

  @Test
  void invalidOversizedAndHostileRequestsAreTranslatedProblems() throws Exception {
    String script =
        "<script>alert(\"x\")</script><img src=x onerror=alert(1)>'; DROP TABLE calendar_resource; --";
    HttpResponse<String> hostile =
        api.send(coordinator, "POST", "/api/v1/calendar/resources", room(script));
    assertEquals(201, hostile.statusCode(), hostile.body());
    assertFalse(hostile.body().contains("alert(\"x\")"), "quotes are escaped in the JSON text");
    assertEquals(script, object(hostile).getString("name"));
    long room = object(hostile).getInt("id");

    String resources = "/api/v1/calendar/resources";
    assertProblem(
        api.send(coordinator, "POST", resources, room("x".repeat(201))),
        400,
        "calendar.api.invalidFields",
        "name");
    assertProblem(
        api.send(coordinator, "POST", resources, room("Sala\u0000")),
        400,
        "calendar.api.invalidFields",
        "name");
    assertProblem(
        api.send(coordinator, "POST", resources, room("Sala").add("capacity", -1)),
        400,
        "calendar.api.invalidFields",
        "capacity");
    assertProblem(
        api.send(
            coordinator, "POST", resources, room("Sala").add("description", "x".repeat(100_000))),
        400,
        "calendar.api.invalidFields",
        "description");
    assertProblem(
        api.send(coordinator, "POST", resources, Json.createObjectBuilder().add("name", "Sala")),
        400,
        "calendar.api.fieldMissing",
        "kind");
    assertEquals(
        400,
        api.send(coordinator, "POST", resources, room("Sala").add("kind", "CASTLE")).statusCode());
    assertProblem(
        api.send(coordinator, "POST", resources, room(script), "Accept-Language", "sk"),
        422,
        "calendar.rule.resourceNameTaken",
        "Úrad už má");
    assertProblem(
        api.get(
            clerk,
            resources + "/" + room + "/busy?from=2026-01-01&to=2036-01-01",
            "Accept-Language",
            "en"),
        422,
        "calendar.rule.rangeTooLong",
        "366");
    assertProblem(
        api.get(
            clerk,
            resources
                + "/"
                + room
                + "/busy?from="
                + URLEncoder.encode("2026-01-01' OR '1'='1", UTF_8)
                + "&to=2026-02-01"),
        400,
        "calendar.api.invalidFields",
        "from");
    assertProblem(
        api.get(
            clerk,
            resources
                + "/"
                + room
                + "/busy?from=2026-01-01&to=2026-02-01&zone="
                + URLEncoder.encode("<script>", UTF_8)),
        422,
        "calendar.rule.unknownTimeZone",
        "<script>");
    assertProblem(
        api.get(clerk, resources + "/" + room + "/busy?to=2026-02-01"),
        400,
        "calendar.api.fieldMissing",
        "from");
    assertEquals(
        404,
        api.get(clerk, resources + "/999999999/busy?from=2026-01-01&to=2026-02-01").statusCode());

    JsonObject council =
        object(
            api.created(
                clerk,
                "/api/v1/calendar/events",
                event("Rada", "2026-06-10T10:00", "2026-06-10T11:00")));
    String bookings = "/api/v1/calendar/events/" + council.getInt("id") + "/bookings";
    assertProblem(
        api.send(
            clerk,
            "POST",
            bookings,
            Json.createObjectBuilder().add("version", council.getInt("version"))),
        400,
        "calendar.api.fieldMissing",
        "resourceId");
    assertProblem(
        api.send(clerk, "POST", bookings, Json.createObjectBuilder().add("resourceId", room)),
        400,
        "calendar.api.fieldMissing",
        "version");
    assertEquals(
        404,
        book(clerk, council.getInt("id"), 999_999_999L, council.getInt("version")).statusCode());
    assertEquals(
        404,
        book(foreignClerk, council.getInt("id"), room, council.getInt("version")).statusCode(),
        "another town's private event is not found");
    HttpResponse<String> broken = api.sendJson(clerk, "POST", bookings, "{\"resourceId\": ");
    assertEquals(400, broken.statusCode());
    assertEquals(0, array(api.get(clerk, bookings)).size(), "nothing was booked");
  }

  @Test
  void fourClientsBookingOneRoomAtOnceOneGetsItTheOthersAreRefused() throws Exception {
    long room =
        object(api.send(coordinator, "POST", "/api/v1/calendar/resources", room("Sala obrad")))
            .getInt("id");
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      events.add(
          object(
              api.created(
                  clerk,
                  "/api/v1/calendar/events",
                  event("Spotkanie " + i, "2026-07-01T10:0" + i, "2026-07-01T11:00"))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(events.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (JsonObject event : events) {
        AccountPrincipal who = event.getString("title").endsWith("0") ? coordinator : clerk;
        answers.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return book(who, event.getInt("id"), room, event.getInt("version"));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() != 201) {
          String code = object(response).getString("code");
          assertTrue(
              code.equals("calendar.rule.resourceBooked") || code.equals("error.concurrentChange"),
              response.body());
        }
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertTrue(
          statuses.stream().allMatch(s -> s == 201 || s == 422 || s == 409), statuses.toString());
      assertEquals(
          1L,
          data.query(
                  "select count(b) from ResourceBooking b where b.resource.id = ?1",
                  Long.class,
                  room)
              .get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  // Helpers

  private static JsonObjectBuilder room(String name) {
    return Json.createObjectBuilder()
        .add("kind", "ROOM")
        .add("name", name)
        .add("capacity", 40)
        .add("description", "Rynek 1");
  }

  private JsonObjectBuilder event(String title, String start, String end) {
    return TestCalendars.eventJson(calendar, title, start, end, "PRIVATE");
  }

  private HttpResponse<String> book(
      AccountPrincipal who, long event, long resource, long version, String... headers)
      throws Exception {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("resourceId", resource).add("version", version);
    return api.send(who, "POST", "/api/v1/calendar/events/" + event + "/bookings", body, headers);
  }
}
