package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cells, people and the directory from outside: REST, vCards, photos and the pages' guards. */
@ExtendWith(ArquillianExtension.class)
class DirectoryWebIT extends InContainerTest {

  private final Http http = Http.local();
  private long town;
  private AccountPrincipal coordinator;
  private String coordinatorAuth;

  @BeforeEach
  void townWithCoordinator() {
    town = data.memberTown("Miasto Sanok " + UUID.randomUUID(), Country.PL);
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    coordinator = data.account(Role.TOWN_COORDINATOR, code);
    coordinatorAuth = Http.basic(coordinator.login(), TestData.PASSWORD);
  }

  private HttpResponse<String> send(String method, String path, String auth, String json)
      throws Exception {
    HttpRequest.Builder request =
        http.request(path).header("Authorization", auth).header("Accept-Language", "en");
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

  private static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String person(String family, String email) {
    return Json.createObjectBuilder()
        .add("givenName", "Olena")
        .add("familyName", family)
        .add("position", "Specjalista ds. współpracy <b>zagranicznej</b>")
        .add("email", email)
        .add("role", "DEPUTY")
        .add("teleworkAvailable", true)
        .add(
            "languages",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("language", "uk").add("level", "NATIVE"))
                .add(Json.createObjectBuilder().add("language", "pl").add("level", "C1")))
        .add("topics", Json.createArrayBuilder().add("CULTURE"))
        .build()
        .toString();
  }

  private JsonObject added(String family) throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/cells/" + town + "/people",
            coordinatorAuth,
            person(family, "olena@sanok.pl"));
    assertEquals(201, response.statusCode(), response.body());
    return object(response);
  }

  @Test
  void aCoordinatorKeepsTheCellOverRestAndTheDirectoryFindsIt() throws Exception {
    String family = "Kovalenko" + UUID.randomUUID().toString().substring(0, 6);
    JsonObject olena = added(family);
    assertEquals("DEPUTY", olena.getString("role"));
    assertEquals("uk", olena.getJsonArray("languages").getJsonObject(0).getString("language"));

    HttpResponse<String> found =
        send(
            "GET",
            "/api/v1/people?language=uk&text=" + URLEncoder.encode(family, StandardCharsets.UTF_8),
            coordinatorAuth,
            null);
    assertEquals(200, found.statusCode(), found.body());
    assertEquals(1, object(found).getInt("total"));
    assertEquals(
        family, object(found).getJsonArray("people").getJsonObject(0).getString("familyName"));

    String path = "/api/v1/people/" + olena.getInt("id");
    String edit = Json.createObjectBuilder(olena).add("position", "Kierownik").build().toString();
    HttpResponse<String> saved = send("PUT", path, coordinatorAuth, edit);
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals("Kierownik", object(saved).getString("position"));
    HttpResponse<String> stale = send("PUT", path, coordinatorAuth, edit);
    assertEquals(409, stale.statusCode(), stale.body());

    HttpResponse<String> cell = send("GET", "/api/v1/cells/" + town, coordinatorAuth, null);
    assertEquals(200, cell.statusCode());
    assertEquals(1, object(cell).getJsonArray("people").size());

    assertEquals(204, send("DELETE", path, coordinatorAuth, null).statusCode());
    assertEquals(404, send("GET", path, coordinatorAuth, null).statusCode());
  }

  @Test
  void anotherTownsCoordinatorIsRefusedAndBadInputIsExplained() throws Exception {
    JsonObject olena = added("Shevchenko");
    AccountPrincipal stranger = data.account(Role.TOWN_COORDINATOR, "PP5");
    String strangerAuth = Http.basic(stranger.login(), TestData.PASSWORD);
    assertEquals(
        403,
        send("POST", "/api/v1/cells/" + town + "/people", strangerAuth, person("X", "x@x.pl"))
            .statusCode());
    assertEquals(
        403,
        send("DELETE", "/api/v1/people/" + olena.getInt("id"), strangerAuth, null).statusCode());
    assertEquals(
        200, send("GET", "/api/v1/people/" + olena.getInt("id"), strangerAuth, null).statusCode());

    HttpResponse<String> invalid =
        send(
            "POST",
            "/api/v1/cells/" + town + "/people",
            coordinatorAuth,
            person("Y", "no-at-sign"));
    assertEquals(400, invalid.statusCode(), invalid.body());
    assertEquals("api.invalidArguments", object(invalid).getString("code"));
    HttpResponse<String> unknownLevel =
        send(
            "POST",
            "/api/v1/cells/" + town + "/people",
            coordinatorAuth,
            person("Z", "z@sanok.pl").replace("NATIVE", "FLUENT"));
    assertEquals(400, unknownLevel.statusCode(), unknownLevel.body());
    HttpResponse<String> traversal =
        send("GET", "/api/v1/people?language=..%2F..%2Fetc", coordinatorAuth, null);
    assertEquals(400, traversal.statusCode(), traversal.body());
    HttpResponse<String> huge =
        send("GET", "/api/v1/people?max=1000000&first=-5", coordinatorAuth, null);
    assertEquals(200, huge.statusCode(), huge.body());
    assertTrue(object(huge).getJsonArray("people").size() <= 200);
    assertEquals(404, send("GET", "/api/v1/cells/999999999", coordinatorAuth, null).statusCode());
  }

  @Test
  void vCardsAndPhotosDownloadForSignedInMembersOnly() throws Exception {
    JsonObject olena = added("Bondarenko");
    Http member = signedIn(data.account(Role.CLERK, "LP"));
    HttpResponse<String> card = member.get("/membership/vcards/person/" + olena.getInt("id"));
    assertEquals(200, card.statusCode());
    assertTrue(card.headers().firstValue("Content-Type").orElseThrow().startsWith("text/vcard"));
    assertEquals(
        "attachment; filename=\"Olena Bondarenko.vcf\"; filename*=UTF-8''Olena%20Bondarenko.vcf",
        card.headers().firstValue("Content-Disposition").orElseThrow());
    assertTrue(card.body().startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"), card.body());
    assertTrue(card.body().contains("FN:Olena Bondarenko"));

    HttpResponse<String> cell = member.get("/membership/vcards/cell/" + town);
    assertEquals(200, cell.statusCode());
    assertEquals(1, cell.body().split("BEGIN:VCARD").length - 1);

    HttpResponse<String> apiCard =
        send("GET", "/api/v1/people/" + olena.getInt("id") + "/vcard", coordinatorAuth, null);
    assertEquals(200, apiCard.statusCode());
    assertTrue(apiCard.body().contains("N:Bondarenko;Olena;;;"), apiCard.body());

    assertEquals(404, member.get("/membership/photos/" + olena.getInt("id")).statusCode());
    assertEquals(404, member.get("/membership/vcards/person/abc").statusCode());
    assertEquals(
        404, member.get("/membership/vcards/person/..%2F..%2FWEB-INF%2Fweb.xml").statusCode());
    assertEquals(404, member.get("/membership/vcards/group/1").statusCode());
    assertEquals(
        302, Http.local().get("/membership/vcards/person/" + olena.getInt("id")).statusCode());
  }

  @Test
  void theEditPageOpensOnlyForWhoManagesTheCell() throws Exception {
    JsonObject olena = added("Melnyk");
    Http own = signedIn(coordinator);
    assertEquals(200, own.get("/membership/edit-person?id=" + olena.getInt("id")).statusCode());
    assertEquals(200, own.get("/membership/edit-person?organisation=" + town).statusCode());
    Http stranger = signedIn(data.account(Role.TOWN_COORDINATOR, "PP5"));
    assertEquals(
        403, stranger.get("/membership/edit-person?id=" + olena.getInt("id")).statusCode());
    assertEquals(403, stranger.get("/membership/edit-person?organisation=" + town).statusCode());
    assertEquals(404, own.get("/membership/edit-person").statusCode());
    HttpResponse<String> cellPage = stranger.get("/membership/view-cell?organisation=" + town);
    assertEquals(200, cellPage.statusCode());
    assertTrue(cellPage.body().contains("Olena Melnyk"));
    assertFalse(cellPage.body().contains("edit-person?id="), "no edit links for a stranger");
    assertTrue(
        cellPage.body().contains("Specjalista ds. współpracy &lt;b&gt;zagranicznej&lt;/b&gt;"));
  }

  @Test
  void hostileSearchParametersGetMessagesNotErrors() throws Exception {
    Http member = signedIn(data.account(Role.CLERK, "LP"));
    HttpResponse<String> bad =
        member.get(
            "/membership/search-directory?language=..%2F..%2Fetc&country=XX&topic=%3Cscript%3E");
    assertEquals(200, bad.statusCode());
    assertFalse(bad.body().contains("<script>"));
    assertTrue(bad.body().contains("messages__error"), "the page says what was wrong");
    HttpResponse<String> long_ = member.get("/membership/search-directory?text=" + "x".repeat(101));
    assertEquals(200, long_.statusCode());
    assertTrue(
        long_.body().contains("at most 100 characters"), "too long a search text is explained");
  }
}
