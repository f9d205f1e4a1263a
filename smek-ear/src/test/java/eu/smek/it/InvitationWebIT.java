package eu.smek.it;

import static eu.smek.it.Api.array;
import static eu.smek.it.Api.assertProblem;
import static eu.smek.it.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
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
  private final Api api = new Api(http);
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
    organiser = data.account(Role.CLERK, data.code(town));
    invitee = data.account(Role.CLERK, data.code(otherTown));
    outsider = data.account(Role.CLERK, data.code(otherTown));
    long calendar = api.townCalendar(organiser);
    HttpResponse<String> created =
        api.created(
            organiser,
            "/api/v1/calendar/events",
            TestCalendars.eventJson(
                calendar, "Rada <b>sieci</b>", "2027-05-10T10:00", "2027-05-10T11:00", "PRIVATE"));
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
    assertEquals(200, api.send(invitee, "GET", events() + "", null).statusCode());
    HttpResponse<String> answered =
        api.send(
            invitee,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "TENTATIVE"));
    assertEquals(200, answered.statusCode(), answered.body());
    assertEquals("TENTATIVE", object(answered).getString("answer"));

    JsonArray list = array(api.send(organiser, "GET", events() + "/attendees", null));
    assertEquals("TENTATIVE", list.getJsonObject(0).getString("answer"));
    assertTrue(list.getJsonObject(0).containsKey("answeredAt"));
    JsonArray own = array(api.send(invitee, "GET", events() + "/attendees", null));
    assertEquals(1, own.size());

    long attendee = list.getJsonObject(0).getJsonNumber("id").longValue();
    assertEquals(
        403, api.send(invitee, "DELETE", events() + "/attendees/" + attendee, null).statusCode());
    assertEquals(
        204, api.send(organiser, "DELETE", events() + "/attendees/" + attendee, null).statusCode());
    assertEquals(0, array(api.send(organiser, "GET", events() + "/attendees", null)).size());
    assertProblem(
        api.send(organiser, "DELETE", events() + "/attendees/" + attendee, null),
        404,
        "error.recordNotFound");
  }

  @Test
  void invalidHostileAndUnauthorisedRequestsAreTranslatedProblems() throws Exception {
    assertProblem(
        api.send(
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
        api.sendJson(organiser, "POST", events() + "/attendees", "{\"version\": <script>");
    assertEquals(400, garbage.statusCode(), garbage.body());

    // Someone else's event: not found for the outsider, and no answer from the uninvited.
    assertProblem(
        invite(outsider, invitees("ACCOUNT", outsider.accountId())), 404, "error.recordNotFound");
    assertProblem(
        api.send(
            outsider,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "ACCEPTED")),
        404,
        "error.recordNotFound");
    invite(organiser, invitees("ACCOUNT", invitee.accountId()));
    assertProblem(
        api.send(
            invitee,
            "PUT",
            events() + "/answer",
            Json.createObjectBuilder().add("answer", "MAYBE")),
        400,
        "calendar.api.invalidFields");
    HttpResponse<String> noAnswer =
        api.send(
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
                  return api.send(
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
          array(api.send(organiser, "GET", events() + "/attendees", null))
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
    return api.send(
        who,
        "POST",
        events() + "/attendees",
        Json.createObjectBuilder().add("version", version).add("invitees", invitees));
  }
}
