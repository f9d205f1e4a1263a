package eu.smek.it;

import static eu.smek.it.Api.array;
import static eu.smek.it.Api.assertProblem;
import static eu.smek.it.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.calendar.CalendarService;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.Library;
import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
 * Attached documents over REST: attach with the event's version, the list as each reader may see
 * it, removal, a stale version as 409, too many as a translated problem, other towns, invalid,
 * oversized and hostile input, and several clients attaching one document at once.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarAttachmentWebIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private final Http http = Http.local();
  private final Api api = new Api(http);
  private String unique;
  private AccountPrincipal coordinator;
  private AccountPrincipal clerk;
  private AccountPrincipal foreignCoordinator;
  private AccountPrincipal foreignClerk;
  private long town;
  private long calendar;
  private Library own;
  private Document minutes;
  private Document agreement;
  private Document secret;

  @BeforeEach
  void towns() throws Exception {
    unique = UUID.randomUUID().toString().substring(0, 8);
    town = data.memberTown("Miasto Krosno " + unique, Country.PL);
    long otherTown = data.memberTown("Mesto Svidník " + unique, Country.SK);
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(town));
    clerk = data.account(Role.CLERK, data.code(town));
    foreignCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    foreignClerk = data.account(Role.CLERK, data.code(otherTown));
    calendar = api.townCalendar(clerk);
    own = library(coordinator, town, "Protokoły", Visibility.PRIVATE);
    minutes = upload(clerk, own, "Protokół " + unique);
    agreement =
        upload(
            foreignCoordinator,
            library(foreignCoordinator, otherTown, "Dohody", Visibility.NETWORK),
            "Dohoda " + unique);
    secret =
        upload(
            foreignCoordinator,
            library(foreignCoordinator, otherTown, "Interné", Visibility.PRIVATE),
            "Interná správa " + unique);
  }

  @Test
  void anEditorAttachesAndRemovesDocumentsAndEachReaderListsWhatTheyMayRead() throws Exception {
    JsonObject council =
        object(api.created(clerk, "/api/v1/calendar/events", event("Rada miasta", "NETWORK")));
    String attachments = "/api/v1/calendar/events/" + council.getInt("id") + "/attachments";

    HttpResponse<String> attached =
        attach(clerk, council.getInt("id"), minutes.getId(), council.getInt("version"));
    assertEquals(201, attached.statusCode(), attached.body());
    assertEquals(council.getInt("version") + 1, object(attached).getInt("eventVersion"));
    JsonObject attachment = object(attached).getJsonObject("attachment");
    assertEquals(minutes.getTitle(), attachment.getString("title"));
    assertEquals("application/pdf", attachment.getString("contentType"));
    assertEquals("documents/files/" + minutes.getId(), attachment.getString("file"));
    assertTrue(
        attached
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith(attachments + "/" + minutes.getId()));
    HttpResponse<String> second =
        attach(
            clerk,
            council.getInt("id"),
            agreement.getId(),
            object(attached).getInt("eventVersion"));
    assertEquals(201, second.statusCode(), second.body());
    int version = object(second).getInt("eventVersion");

    JsonArray mine = array(api.get(clerk, attachments));
    assertEquals(2, mine.size());
    assertEquals(minutes.getId(), mine.getJsonObject(0).getJsonNumber("documentId").longValue());
    JsonArray theirs = array(api.get(foreignClerk, attachments));
    assertEquals(1, theirs.size(), "the other town does not see the private minutes");
    assertEquals(agreement.getTitle(), theirs.getJsonObject(0).getString("title"));
    assertFalse(theirs.toString().contains(minutes.getTitle()), theirs.toString());

    assertProblem(
        api.send(
            clerk,
            "DELETE",
            attachments + "/" + minutes.getId() + "?version=" + council.getInt("version"),
            null),
        409,
        "error.concurrentChange",
        "");
    assertEquals(
        403,
        api.send(
                foreignCoordinator,
                "DELETE",
                attachments + "/" + agreement.getId() + "?version=" + version,
                null)
            .statusCode());
    HttpResponse<String> removed =
        api.send(
            clerk, "DELETE", attachments + "/" + minutes.getId() + "?version=" + version, null);
    assertEquals(204, removed.statusCode(), removed.body());
    assertEquals(1, array(api.get(clerk, attachments)).size());
    assertEquals(
        404,
        api.send(
                clerk,
                "DELETE",
                attachments + "/" + minutes.getId() + "?version=" + (version + 1),
                null)
            .statusCode(),
        "not attached any more");
    assertEquals(401, http.get(attachments).statusCode());
  }

  @Test
  void invalidOversizedAndHostileRequestsAreProblems() throws Exception {
    String script =
        "<script>alert(\"x\")</script><img src=x onerror=alert(1)>'; DROP TABLE document; --";
    Document hostile = upload(clerk, own, script);
    JsonObject council =
        object(api.created(clerk, "/api/v1/calendar/events", event("Rada", "PRIVATE")));
    long id = council.getInt("id");
    int version = council.getInt("version");
    String attachments = "/api/v1/calendar/events/" + id + "/attachments";

    HttpResponse<String> attached = attach(clerk, id, hostile.getId(), version);
    assertEquals(201, attached.statusCode(), attached.body());
    assertFalse(attached.body().contains("alert(\"x\")"), "quotes are escaped in the JSON text");
    assertEquals(script, array(api.get(clerk, attachments)).getJsonObject(0).getString("title"));
    version = object(attached).getInt("eventVersion");

    assertProblem(
        api.send(clerk, "POST", attachments, Json.createObjectBuilder().add("version", version)),
        400,
        "calendar.api.fieldMissing",
        "documentId");
    assertProblem(
        api.send(clerk, "POST", attachments, Json.createObjectBuilder().add("documentId", 1)),
        400,
        "calendar.api.fieldMissing",
        "version");
    assertEquals(
        400,
        api.sendJson(
                clerk,
                "POST",
                attachments,
                "{\"documentId\": \"../../etc/passwd\", \"version\": 1}")
            .statusCode());
    assertEquals(
        400,
        api.sendJson(
                clerk,
                "POST",
                attachments,
                "{\"documentId\": " + "9".repeat(10_000) + ", \"version\": 1}")
            .statusCode(),
        "an oversized number");
    assertEquals(400, api.sendJson(clerk, "POST", attachments, "{\"documentId\": ").statusCode());
    assertEquals(
        400, api.sendJson(clerk, "POST", attachments, "[" + "[".repeat(5_000)).statusCode());
    assertEquals(
        404, attach(clerk, id, -1, version).statusCode(), "no such document (negative id)");
    assertEquals(404, attach(clerk, id, 999_999_999_999L, version).statusCode());
    assertEquals(404, attach(clerk, 999_999_999_999L, minutes.getId(), version).statusCode());
    assertEquals(
        404,
        attach(clerk, id, secret.getId(), version).statusCode(),
        "another town's private document is not found");
    assertEquals(
        404,
        attach(foreignCoordinator, id, agreement.getId(), version).statusCode(),
        "another town's private event is not found");
    assertEquals(404, api.get(clerk, "/api/v1/calendar/events/abc/attachments").statusCode());
    assertEquals(
        404,
        api.send(clerk, "DELETE", attachments + "/..%2F..%2Fetc%2Fpasswd?version=" + version, null)
            .statusCode());
    assertProblem(
        api.send(clerk, "DELETE", attachments + "/" + hostile.getId(), null),
        400,
        "calendar.api.fieldMissing",
        "version");
    assertEquals(
        404,
        api.send(clerk, "DELETE", attachments + "/" + secret.getId() + "?version=" + version, null)
            .statusCode());
    assertEquals(1, array(api.get(clerk, attachments)).size(), "nothing else was attached");

    // At most twenty documents, as a translated problem.
    for (int i = 1; i < CalendarService.MAXIMUM_ATTACHMENTS; i++) {
      HttpResponse<String> more =
          attach(clerk, id, upload(clerk, own, "Załącznik " + i).getId(), version);
      assertEquals(201, more.statusCode(), more.body());
      version = object(more).getInt("eventVersion");
    }
    assertProblem(
        attach(
            clerk,
            id,
            upload(clerk, own, "Załącznik 21").getId(),
            version,
            "Accept-Language",
            "pl"),
        422,
        "calendar.attachment.tooMany",
        "najwyżej 20 dokumentów");
    assertEquals(CalendarService.MAXIMUM_ATTACHMENTS, array(api.get(clerk, attachments)).size());
  }

  @Test
  void fourClientsAttachingOneDocumentAtOnceMakeOneAttachment() throws Exception {
    JsonObject council =
        object(api.created(clerk, "/api/v1/calendar/events", event("Rada miasta", "PRIVATE")));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        AccountPrincipal who = i % 2 == 0 ? clerk : coordinator;
        answers.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return attach(
                      who, council.getInt("id"), minutes.getId(), council.getInt("version"));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() != 201) {
          assertEquals("error.concurrentChange", object(response).getString("code"));
        }
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1L,
        data.query(
                "select count(a) from EventDocument a where a.document.id = ?1",
                Long.class,
                minutes.getId())
            .get(0));
  }

  // Helpers

  private Library library(AccountPrincipal owner, long organisationId, String name, Visibility v)
      throws Exception {
    return TestDocuments.library(documents, owner, organisationId, name + " " + unique, v);
  }

  private Document upload(AccountPrincipal who, Library library, String title) throws Exception {
    return TestDocuments.upload(
        documents, who, library, title, DocumentType.REPORT, TestFiles.pdf("Dokument"));
  }

  private JsonObjectBuilder event(String title, String visibility) {
    return TestCalendars.eventJson(
        calendar, title, "2026-06-10T10:00", "2026-06-10T11:00", visibility);
  }

  private HttpResponse<String> attach(
      AccountPrincipal who, long event, long document, long version, String... headers)
      throws Exception {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("documentId", document).add("version", version);
    String path = "/api/v1/calendar/events/" + event + "/attachments";
    return api.send(who, "POST", path, body, headers);
  }
}
