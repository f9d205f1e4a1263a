package eu.smek.it;

import static eu.smek.it.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Working groups from outside: the REST API with its problem details, and the pages' guards. */
@ExtendWith(ArquillianExtension.class)
class WorkingGroupWebIT extends InContainerTest {

  private final Http http = Http.local();
  private String unique;
  private AccountPrincipal admin;
  private String adminAuth;
  private String clerkAuth;
  private List<Long> poles;
  private List<Long> slovaks;

  @BeforeEach
  void administratorAndPeople() {
    unique = UUID.randomUUID().toString().substring(0, 8);
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP2");
    adminAuth = Http.basic(admin.login(), TestData.PASSWORD);
    clerkAuth = Http.basic(data.account(Role.CLERK, "PP8").login(), TestData.PASSWORD);
    poles = data.people(data.memberTown("Miasto Sanok " + unique, Country.PL), 2, "Zając", "pl");
    slovaks =
        data.people(data.memberTown("Mesto Stropkov " + unique, Country.SK), 2, "Fedor", "sk");
  }

  private HttpResponse<String> send(
      String method, String path, String auth, String json, String language) throws Exception {
    HttpRequest.Builder request = http.request(path).header("Accept-Language", language);
    if (auth != null) {
      request.header("Authorization", auth);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(
        request
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> send(String method, String path, String auth, String json)
      throws Exception {
    return send(method, path, auth, json, "en");
  }

  private static String group(String polish, String slovak, String english) {
    JsonObjectBuilder names = Json.createObjectBuilder().add("pl", polish).add("sk", slovak);
    if (english != null) {
      names.add("en", english);
    }
    return Json.createObjectBuilder()
        .add("names", names)
        .add("descriptions", Json.createObjectBuilder().add("pl", "Wspólne szlaki <b>rowerowe</b>"))
        .add("topic", "TOURISM")
        .build()
        .toString();
  }

  private static String person(long id) {
    return Json.createObjectBuilder().add("personId", id).build().toString();
  }

  private JsonObject created(String json) throws Exception {
    HttpResponse<String> response = send("POST", "/api/v1/working-groups", adminAuth, json);
    assertEquals(201, response.statusCode(), response.body());
    return object(response);
  }

  private static void assertProblem(
      HttpResponse<String> response, int status, String code, Language language) {
    JsonObject problem = Api.assertProblem(response, status, code);
    assertEquals(
        Messages.format(language.locale(), "api.status." + status), problem.getString("title"));
  }

  @Test
  void anAdministratorRunsAGroupOverRestAndReadersSeeIt() throws Exception {
    JsonObject group = created(group("Szlaki rowerowe " + unique, "Cyklotrasy " + unique, null));
    String path = "/api/v1/working-groups/" + group.getInt("id");
    assertEquals("ACTIVE", group.getString("status"));
    assertEquals(
        "Szlaki rowerowe " + unique, group.getString("name"), "English falls back to Polish");
    assertEquals("Cyklotrasy " + unique, group.getJsonObject("names").getString("sk"));
    assertEquals(
        "Wspólne szlaki <b>rowerowe</b>", group.getJsonObject("descriptions").getString("pl"));

    assertEquals(
        201, send("POST", path + "/members", adminAuth, person(poles.get(0))).statusCode());
    HttpResponse<String> second =
        send("POST", path + "/members", adminAuth, person(slovaks.get(0)));
    assertEquals(201, second.statusCode(), second.body());
    assertTrue(
        second
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith(path + "/members/" + slovaks.get(0)));
    HttpResponse<String> named =
        send("PUT", path + "/coordinator", adminAuth, person(poles.get(0)));
    assertEquals(200, named.statusCode(), named.body());
    assertEquals(
        poles.get(0).longValue(), object(named).getJsonNumber("coordinatorId").longValue());
    assertEquals(2, object(named).getJsonArray("members").size());

    JsonObject read = object(send("GET", path, clerkAuth, null, "sk"));
    assertEquals("Cyklotrasy " + unique, read.getString("name"));
    String edit =
        Json.createObjectBuilder(read)
            .add("names", Json.createObjectBuilder().add("en", "Cycling trails " + unique))
            .add("topic", "SPORT")
            .build()
            .toString();
    HttpResponse<String> saved = send("PUT", path, adminAuth, edit);
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals("Cycling trails " + unique, object(saved).getString("name"));
    assertEquals("SPORT", object(saved).getString("topic"));
    assertEquals(1, object(saved).getJsonObject("names").size());
    assertProblem(send("PUT", path, adminAuth, edit), 409, "error.concurrentChange", Language.EN);

    HttpResponse<String> paused =
        send("PUT", path + "/status", adminAuth, "{\"status\":\"PAUSED\"}");
    assertEquals(200, paused.statusCode(), paused.body());
    assertEquals("PAUSED", object(paused).getString("status"));
    assertEquals(
        204, send("DELETE", path + "/members/" + slovaks.get(0), adminAuth, null).statusCode());

    HttpResponse<String> list =
        send(
            "GET",
            "/api/v1/working-groups?status=PAUSED&text="
                + URLEncoder.encode("cycling TRAILS " + unique, StandardCharsets.UTF_8),
            clerkAuth,
            null);
    assertEquals(200, list.statusCode(), list.body());
    assertEquals(1, Json.createReader(new StringReader(list.body())).readArray().size());
    JsonObject summary =
        Json.createReader(new StringReader(list.body())).readArray().getJsonObject(0);
    assertEquals(1, summary.getInt("memberCount"));
    assertEquals("Miasto Sanok " + unique, summary.getJsonArray("organisations").getString(0));
    assertEquals(
        poles.get(0).longValue(),
        summary.getJsonObject("coordinator").getJsonNumber("id").longValue());
    assertEquals(
        0,
        Json.createReader(
                new StringReader(
                    send(
                            "GET",
                            "/api/v1/working-groups?status=ACTIVE&text=" + unique,
                            clerkAuth,
                            null)
                        .body()))
            .readArray()
            .size());
  }

  @Test
  void badRequestsGetProblemDetailsInTheCallersLanguage() throws Exception {
    String path =
        "/api/v1/working-groups/"
            + created(group("Kultura " + unique, "Kultúra", "Culture")).getInt("id");

    HttpResponse<String> tooLong =
        send(
            "POST",
            "/api/v1/working-groups",
            adminAuth,
            group("x".repeat(201), "Dlhý názov", null),
            "pl");
    assertProblem(tooLong, 400, "api.invalidArguments", Language.PL);
    assertEquals(
        Messages.format(Language.PL.locale(), "api.invalidArguments"),
        object(tooLong).getString("detail"));
    assertProblem(
        send("POST", "/api/v1/working-groups", adminAuth, "{\"names\": {\"pl\": ", "sk"),
        400,
        "api.unreadableBody",
        Language.SK);
    assertProblem(
        send(
            "POST",
            "/api/v1/working-groups",
            adminAuth,
            group("Nazwa", "Názov", null).replace("TOURISM", "KNITTING")),
        400,
        "api.unreadableBody",
        Language.EN);
    assertProblem(
        send(
            "POST",
            "/api/v1/working-groups",
            adminAuth,
            group("Nazwa", "Názov", null).replace("\"sk\"", "\"../etc\"")),
        400,
        "membership.api.invalidFields",
        Language.EN);
    assertProblem(
        send("POST", "/api/v1/working-groups", adminAuth, "{\"names\":{},\"topic\":\"TOURISM\"}"),
        422,
        "membership.workingGroup.rule.nameRequired",
        Language.EN);
    assertProblem(
        send("POST", path + "/members", adminAuth, "{}"),
        400,
        "membership.api.fieldMissing",
        Language.EN);
    assertProblem(
        send("PUT", path + "/status", adminAuth, "{\"status\":null}"),
        400,
        "api.invalidArguments",
        Language.EN);

    HttpResponse<String> notMember =
        send("PUT", path + "/coordinator", adminAuth, person(slovaks.get(1)), "sk");
    assertProblem(notMember, 422, "membership.workingGroup.rule.coordinatorNotMember", Language.SK);
    assertEquals(
        "Pracovnú skupinu môže koordinovať len jej člen. Najprv pridajte do skupiny: Person1 Fedor.",
        object(notMember).getString("detail"));
    assertProblem(
        send("PUT", path + "/status", adminAuth, "{\"status\":\"ACTIVE\"}"),
        422,
        "membership.workingGroup.rule.notAllowed",
        Language.EN);
    assertEquals(
        "The working group’s status cannot change from Active to Active.",
        object(send("PUT", path + "/status", adminAuth, "{\"status\":\"ACTIVE\"}"))
            .getString("detail"));

    assertProblem(
        send("GET", "/api/v1/working-groups/999999999", clerkAuth, null),
        404,
        "error.recordNotFound",
        Language.EN);
    assertProblem(
        send("POST", "/api/v1/working-groups/999999999/members", adminAuth, person(poles.get(0))),
        404,
        "error.recordNotFound",
        Language.EN);
    assertProblem(
        send("POST", path + "/members", adminAuth, person(999999999)),
        404,
        "error.recordNotFound",
        Language.EN);
    assertEquals(404, send("GET", "/api/v1/working-groups/abc", clerkAuth, null).statusCode());
    assertEquals(
        400,
        send("GET", "/api/v1/working-groups?text=" + "x".repeat(101), clerkAuth, null)
            .statusCode());
    assertEquals(401, send("GET", "/api/v1/working-groups", null, null).statusCode());
  }

  @Test
  void onlyAdministratorsAndTheGroupsCoordinatorChangeIt() throws Exception {
    String path =
        "/api/v1/working-groups/"
            + created(group("Sport " + unique, "Šport", "Sport")).getInt("id");
    send("POST", path + "/members", adminAuth, person(poles.get(0)));
    send("PUT", path + "/coordinator", adminAuth, person(poles.get(0)));
    String code =
        data.query(
                "select p.cell.organisation.code from Person p where p.id = ?1",
                String.class,
                poles.get(0))
            .get(0);
    AccountPrincipal holder = data.account(Role.CLERK, code);
    data.linkAccount(holder.accountId(), poles.get(0));
    String coordinatorAuth = Http.basic(holder.login(), TestData.PASSWORD);

    assertEquals(
        201, send("POST", path + "/members", coordinatorAuth, person(slovaks.get(0))).statusCode());
    assertEquals(
        204,
        send("DELETE", path + "/members/" + slovaks.get(0), coordinatorAuth, null).statusCode());
    assertProblem(
        send("PUT", path + "/status", coordinatorAuth, "{\"status\":\"CLOSED\"}", "pl"),
        403,
        "error.accessDenied",
        Language.PL);
    assertProblem(
        send("POST", "/api/v1/working-groups", coordinatorAuth, group("A", "B", "C")),
        403,
        "error.accessDenied",
        Language.EN);
    assertProblem(
        send("POST", path + "/members", clerkAuth, person(slovaks.get(1))),
        403,
        "error.accessDenied",
        Language.EN);
    assertProblem(
        send("DELETE", path + "/members/" + poles.get(0), clerkAuth, null),
        403,
        "error.accessDenied",
        Language.EN);
    assertEquals(1, object(send("GET", path, clerkAuth, null)).getJsonArray("members").size());
  }

  @Test
  void pagesEscapeWhatWasTypedAndOpenOnlyForWhoMayUseThem() throws Exception {
    String script = "<script>alert('" + unique + "')</script>";
    JsonObject group = created(group(script, "Skript " + unique, script));
    long id = group.getInt("id");
    send("POST", "/api/v1/working-groups/" + id + "/members", adminAuth, person(poles.get(0)));

    Http clerk = signedIn(data.account(Role.CLERK, "PP8"));
    HttpResponse<String> list = clerk.get("/membership/list-working-groups?text=" + unique);
    assertEquals(200, list.statusCode());
    assertFalse(list.body().contains(script), "the name is escaped in the list");
    assertTrue(list.body().contains("&lt;script&gt;alert("), list.body());
    HttpResponse<String> view = clerk.get("/membership/view-working-group?id=" + id);
    assertEquals(200, view.statusCode());
    assertFalse(view.body().contains(script), "the name is escaped on the group's page");
    assertTrue(view.body().contains("Wspólne szlaki &lt;b&gt;rowerowe&lt;/b&gt;"), view.body());
    assertFalse(view.body().contains("find-form"), "a clerk is not offered to add members");
    assertFalse(view.body().contains("status-form"), "nor to change the status");
    assertEquals(403, clerk.get("/membership/edit-working-group?id=" + id).statusCode());
    assertEquals(403, clerk.get("/membership/edit-working-group").statusCode());

    Http administrator = signedIn(admin);
    HttpResponse<String> found =
        administrator.get(
            "/membership/view-working-group?id="
                + id
                + "&find="
                + URLEncoder.encode("Sanok " + unique, StandardCharsets.UTF_8));
    assertEquals(200, found.statusCode());
    assertTrue(found.body().contains("id=\"candidate-" + poles.get(1) + "\""), found.body());
    assertFalse(
        found.body().contains("id=\"candidate-" + poles.get(0) + "\""), "members are not offered");
    assertEquals(200, administrator.get("/membership/edit-working-group?id=" + id).statusCode());
  }

  @Test
  void theEditFormExplainsAMissingNameAndKeepsWhatWasTyped() throws Exception {
    Http browser = signedIn(admin);
    HttpResponse<String> form = browser.get("/membership/edit-working-group");
    assertEquals(200, form.statusCode());
    Map<String, String> fields = new HashMap<>(Http.formState(form.body()));
    fields.put("working-group-form", "working-group-form");
    fields.put("working-group-form:topic", "CULTURE");
    fields.put("working-group-form:languages:0:name", "   ");
    fields.put("working-group-form:languages:0:description", "Wymiana spektakli " + unique);
    fields.put("working-group-form:save", "");
    HttpResponse<String> refused = browser.postForm("/membership/edit-working-group", fields);
    assertEquals(200, refused.statusCode());
    assertTrue(
        refused.body().contains("Give the working group a name in at least one language."),
        refused.body());
    assertTrue(refused.body().contains("Wymiana spektakli " + unique), "what was typed is kept");
    assertEquals(
        0,
        data.query(
                "select count(g) from WorkingGroup g join g.descriptions d where d like ?1",
                Long.class,
                "%" + unique + "%")
            .get(0));

    fields.putAll(Http.formState(refused.body()));
    fields.put("working-group-form:languages:2:name", "Theatres " + unique);
    HttpResponse<String> saved = browser.postForm("/membership/edit-working-group", fields);
    assertEquals(302, saved.statusCode(), saved.body());
    assertTrue(
        saved
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .contains("/membership/view-working-group?id="));
    assertEquals(
        1,
        data.query(
                "select count(g) from WorkingGroup g where g.searchKey like ?1",
                Long.class,
                "%theatres " + unique + "%")
            .get(0));
  }
}
