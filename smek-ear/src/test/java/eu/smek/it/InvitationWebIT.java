package eu.smek.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpRequest;
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
 * The invitation endpoints from outside: inviting, the attendee list, answering, taking someone
 * off; invalid, oversized, hostile and unauthorised requests as translated problems; parallel
 * answers.
 */
@ExtendWith(ArquillianExtension.class)
class InvitationWebIT extends InContainerTest {

  private final Http http = Http.local();
  private long town;
  private AccountPrincipal organiser;
  private AccountPrincipal invitee;
  private AccountPrincipal outsider;
  private long eventId;
  private long version;

  @BeforeEach
  void event() throws Exception {
    town = data.memberTown("Miasto Ustrzyki " + UUID.randomUUID(), Country.PL);
    long otherTown = data.memberTown("Mesto Medzilaborce " + UUID.randomUUID(), Country.SK);
    organiser = data.account(Role.CLERK, code(town));
    invitee = data.account(Role.CLERK, code(otherTown));
    outsider = data.account(Role.CLERK, code(otherTown));
    JsonArray calendars = array(send(organiser, "GET", "/api/v1/calendar/calendars", null));
    long calendar = calendars.getJsonObject(1).getJsonNumber("id").longValue();
    HttpResponse<String> created =
        send(
            organiser,
            "POST",
            "/api/v1/calendar/events",
            Json.createObjectBuilder()
                .add("calendarId", calendar)
                .add("title", "Rada <b>sieci</b>")
                .add("start", "2027-05-10T10:00")
                .add("end", "2027-05-10T11:00")
                .add("timeZone", "Europe/Warsaw")
                .add("visibility", "PRIVATE"));
    assertEquals(201, created.statusCode(), created.body());
    eventId = object(created).getJsonNumber("id").longValue();
    version = object(created).getJsonNumber("version").longValue();
  }

  @Test
  void theOrganiserInvitesTheInviteeAnswersAndTheOrganiserSeesTheAnswer() throws Exception {
    HttpResponse<String> invited = invite(organiser, invitees("ACCOUNT", invitee.accountId()));
    JsonArray added = array(invited);
    assertEquals(1, added.size());
    assertEquals("NEEDS_ACTION", added.getJsonObject(0).getString("answer"));
    assertEquals("ACCOUNT", added.getJsonObject(0).getString("invitedThrough"));
    assertEquals(0, array(invite(organiser, invitees("ACCOUNT", invitee.accountId()))).size());

    // The invitee of another town sees the private event and answers.
    assertEquals(200, send(invitee, "GET", events() + "", null).statusCode());
    HttpResponse<String> answered =
        send(
            invitee,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "TENTATIVE"));
    assertEquals(200, answered.statusCode(), answered.body());
    assertEquals("TENTATIVE", object(answered).getString("answer"));

    JsonArray list = array(send(organiser, "GET", events() + "/attendees", null));
    assertEquals("TENTATIVE", list.getJsonObject(0).getString("answer"));
    assertTrue(list.getJsonObject(0).containsKey("answeredAt"));
    JsonArray own = array(send(invitee, "GET", events() + "/attendees", null));
    assertEquals(1, own.size());

    long attendee = list.getJsonObject(0).getJsonNumber("id").longValue();
    assertEquals(
        403, send(invitee, "DELETE", events() + "/attendees/" + attendee, null).statusCode());
    assertEquals(
        204, send(organiser, "DELETE", events() + "/attendees/" + attendee, null).statusCode());
    assertEquals(0, array(send(organiser, "GET", events() + "/attendees", null)).size());
    assertProblem(
        send(organiser, "DELETE", events() + "/attendees/" + attendee, null),
        404,
        "error.recordNotFound");
  }

  @Test
  void invalidHostileAndUnauthorisedRequestsAreTranslatedProblems() throws Exception {
    assertProblem(
        send(
            organiser,
            "POST",
            events() + "/attendees",
            Json.createObjectBuilder().add("invitees", invitees("PERSON", 1))),
        400,
        "calendar.api.fieldMissing");
    assertProblem(
        invite(organiser, invitees("PERSON'; drop table calendar_attendee; --", 1)),
        400,
        "calendar.api.invalidFields");
    assertProblem(invite(organiser, invitees("NETWORK", 0)), 400, "calendar.api.invalidFields");
    assertProblem(
        invite(
            organiser,
            Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "PERSON"))),
        400,
        "calendar.api.fieldMissing");
    assertEquals(400, invite(organiser, Json.createArrayBuilder()).statusCode(), "none at all");
    JsonArrayBuilder tooMany = Json.createArrayBuilder();
    for (int i = 0; i < 51; i++) {
      tooMany.add(Json.createObjectBuilder().add("type", "ACCOUNT").add("id", invitee.accountId()));
    }
    assertEquals(400, invite(organiser, tooMany).statusCode(), "more than 50");
    assertProblem(
        invite(organiser, invitees("ORGANISATION", Long.MAX_VALUE)), 404, "error.recordNotFound");
    HttpResponse<String> garbage =
        http.send(
            http.request(events() + "/attendees")
                .header("Authorization", auth(organiser))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": <script>", UTF_8))
                .build());
    assertEquals(400, garbage.statusCode(), garbage.body());

    // Someone else's event: not found for the outsider, and no answer from the uninvited.
    assertProblem(
        invite(outsider, invitees("ACCOUNT", outsider.accountId())), 404, "error.recordNotFound");
    assertProblem(
        send(
            outsider,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "ACCEPTED")),
        404,
        "error.recordNotFound");
    invite(organiser, invitees("ACCOUNT", invitee.accountId()));
    assertProblem(
        send(
            invitee,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "MAYBE")),
        400,
        "calendar.api.invalidFields");
    HttpResponse<String> noAnswer =
        send(
            invitee,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "NEEDS_ACTION"));
    assertEquals("calendar.invitation.answerInvalid", object(noAnswer).getString("code"));
    assertTrue(noAnswer.statusCode() >= 400 && noAnswer.statusCode() < 500);
    // Without credentials.
    HttpResponse<String> anonymous = http.get(events() + "/attendees");
    assertEquals(401, anonymous.statusCode());
  }

  @Test
  void parallelAnswersAllSucceedAndOneIsKept() throws Exception {
    invite(organiser, invitees("ACCOUNT", invitee.accountId()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<String> given = List.of("ACCEPTED", "DECLINED", "TENTATIVE", "ACCEPTED");
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String answer : given) {
        answers.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return send(
                      invitee,
                      "PUT",
                      events() + "/answer",
                      Json.createObjectBuilder().add("answer", answer));
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
      }
      String kept =
          array(send(organiser, "GET", events() + "/attendees", null))
              .getJsonObject(0)
              .getString("answer");
      assertTrue(given.contains(kept), kept);
    } finally {
      pool.shutdownNow();
    }
  }

  // Helpers

  private String events() {
    return "/api/v1/calendar/events/" + eventId;
  }

  private static JsonArrayBuilder invitees(String type, long id) {
    return Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("type", type).add("id", id));
  }

  private HttpResponse<String> invite(AccountPrincipal who, JsonArrayBuilder invitees)
      throws Exception {
    return send(
        who,
        "POST",
        events() + "/attendees",
        Json.createObjectBuilder().add("version", version).add("invitees", invitees));
  }

  private HttpResponse<String> send(
      AccountPrincipal who, String method, String path, JsonObjectBuilder body) throws Exception {
    HttpRequest.Builder request = http.request(path).header("Authorization", auth(who));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.build().toString(), UTF_8));
    }
    return http.send(request.build());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"),
        response.headers().toString());
    assertEquals(code, object(response).getString("code"), response.body());
  }

  private static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static JsonArray array(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  private static String auth(AccountPrincipal who) {
    return Http.basic(who.login(), TestData.PASSWORD);
  }

  private String code(long organisationId) {
    return data.query(
            "select o.code from Organisation o where o.id = ?1", String.class, organisationId)
        .get(0);
  }
}
