package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The membership register from outside: the REST API, the pages' forms and the document download,
 * with invalid, hostile and stale input.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipWebIT extends InContainerTest {

  private final Http http = Http.local();
  private AccountPrincipal admin;
  private String adminAuth;

  @BeforeEach
  void administrator() {
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    adminAuth = Http.basic(admin.login(), TestData.PASSWORD);
  }

  private static String code() {
    return "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private HttpResponse<String> postJson(String path, String auth, String json) throws Exception {
    return http.send(
        http.request(path)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> putJson(String path, String auth, String json) throws Exception {
    return http.send(
        http.request(path)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String town(String code, String name, String website) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("name", name)
        .add("country", "SK")
        .add("type", "TOWN")
        .add("website", website)
        .add("city", "Snina")
        .add("latitude", 48.988)
        .add("translatedNames", Json.createObjectBuilder().add("pl", "Snina (PL)"))
        .build()
        .toString();
  }

  private JsonObject created(String code) throws Exception {
    HttpResponse<String> response =
        postJson("/api/v1/organisations", adminAuth, town(code, "Mesto Snina", "https://snina.sk"));
    assertEquals(201, response.statusCode(), response.body());
    return object(response);
  }

  @Test
  void administratorsRegisterAndEditOrganisationsOverRest() throws Exception {
    String code = code();
    JsonObject town = created(code);
    assertEquals("PROSPECT", town.getString("status"));
    assertEquals("Snina (PL)", town.getJsonObject("translatedNames").getString("pl"));
    assertEquals(48.988, town.getJsonNumber("latitude").doubleValue(), 1e-9);
    String path = "/api/v1/organisations/" + town.getInt("id");

    String edit =
        Json.createObjectBuilder(town)
            .add("name", "Mesto Snina <script>alert(1)</script>")
            .add("representativeName", "Ján Novák")
            .add("status", "MEMBER")
            .build()
            .toString();
    HttpResponse<String> saved = putJson(path, adminAuth, edit);
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals("Ján Novák", object(saved).getString("representativeName"));
    assertEquals("PROSPECT", object(saved).getString("status"), "status changes only by rule");

    HttpResponse<String> stale = putJson(path, adminAuth, edit);
    assertEquals(409, stale.statusCode(), stale.body());
    assertEquals("error.concurrentChange", object(stale).getString("code"));

    // The name is kept as typed and shown as text, never as markup.
    HttpResponse<String> page =
        signedIn(admin).get("/membership/view-organisation?id=" + town.getInt("id"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Mesto Snina &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(page.body().contains("<script>alert(1)"));
  }

  @Test
  void invalidAndHostileOrganisationsAreRefusedWithoutSideEffects() throws Exception {
    String code = code();
    HttpResponse<String> script =
        postJson("/api/v1/organisations", adminAuth, town(code, "X", "javascript:alert(1)"));
    assertEquals(400, script.statusCode(), script.body());
    HttpResponse<String> traversal =
        postJson("/api/v1/organisations", adminAuth, town("../../etc", "X", "https://x.sk"));
    assertEquals(400, traversal.statusCode(), traversal.body());
    HttpResponse<String> oversized =
        postJson("/api/v1/organisations", adminAuth, town(code, "N".repeat(201), "https://x.sk"));
    assertEquals(400, oversized.statusCode(), oversized.body());
    HttpResponse<String> injection =
        postJson(
            "/api/v1/organisations",
            adminAuth,
            town(code, "x'); drop table organisation; --", "https://x.sk"));
    assertEquals(201, injection.statusCode(), injection.body());
    assertEquals("x'); drop table organisation; --", object(injection).getString("name"));
    HttpResponse<String> twice =
        postJson("/api/v1/organisations", adminAuth, town(code, "Again", "https://x.sk"));
    assertEquals(422, twice.statusCode(), twice.body());
    assertEquals(
        "The code " + code + " is already used by another organisation.",
        object(twice).getString("detail"));
    HttpResponse<String> malformed = postJson("/api/v1/organisations", adminAuth, "{\"code\":");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(
        1,
        data.query("select o from Organisation o where o.code = ?1", Organisation.class, code)
            .size());
  }

  @Test
  void membersReadTheRegisterButOnlyAdministratorsWriteIt() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP4");
    String clerkAuth = Http.basic(clerk.login(), TestData.PASSWORD);
    HttpResponse<String> refused =
        postJson("/api/v1/organisations", clerkAuth, town(code(), "Mesto", "https://x.sk"));
    assertEquals(403, refused.statusCode(), refused.body());
    JsonObject town = created(code());
    HttpResponse<String> history =
        http.get(
            "/api/v1/organisations/" + town.getInt("id") + "/membership",
            "Authorization",
            clerkAuth);
    assertEquals(200, history.statusCode());
    JsonArray changes = Json.createReader(new StringReader(history.body())).readArray();
    assertEquals("PROSPECT", changes.getJsonObject(0).getString("to"));
    HttpResponse<String> change =
        http.postMultipart(
            "/api/v1/organisations/" + town.getInt("id") + "/membership",
            Map.of("status", "APPLICANT"),
            null,
            "Authorization",
            clerkAuth);
    assertEquals(403, change.statusCode(), change.body());
    // A clerk opening the edit page is stopped by the URL rules, not only by the service.
    HttpResponse<String> editPage =
        signedIn(clerk).get("/membership/edit-organisation?id=" + town.getInt("id"));
    assertEquals(403, editPage.statusCode());
  }

  @Test
  void statusChangesOverRestNeedTheirDocumentAndTheDocumentDownloads() throws Exception {
    JsonObject town = created(code());
    String path = "/api/v1/organisations/" + town.getInt("id") + "/membership";
    assertEquals(
        201,
        http.postMultipart(path, Map.of("status", "APPLICANT"), null, "Authorization", adminAuth)
            .statusCode());
    HttpResponse<String> noDocument =
        http.postMultipart(
            path,
            Map.of("status", "MEMBER"),
            null,
            "Authorization",
            adminAuth,
            "Accept-Language",
            "sk");
    assertEquals(422, noDocument.statusCode());
    assertEquals(
        "Priložte dokument, na ktorom zakladá zmena na „Člen“ (PDF).",
        object(noDocument).getString("detail"));
    HttpResponse<String> badDate =
        http.postMultipart(
            path,
            Map.of("status", "MEMBER", "effectiveOn", "2026-02-30"),
            pdf("x.pdf"),
            "Authorization",
            adminAuth);
    assertEquals(400, badDate.statusCode(), badDate.body());
    HttpResponse<String> unknownStatus =
        http.postMultipart(
            path, Map.of("status", "EMPEROR"), pdf("x.pdf"), "Authorization", adminAuth);
    assertEquals(400, unknownStatus.statusCode(), unknownStatus.body());

    HttpResponse<String> admitted =
        http.postMultipart(
            path,
            Map.of("status", "MEMBER"),
            pdf("..\\..\\Deklarácia prístupu \"final\".pdf"),
            "Authorization",
            adminAuth);
    assertEquals(201, admitted.statusCode(), admitted.body());
    JsonObject change = object(admitted);
    assertEquals("Deklarácia prístupu final.pdf", change.getString("documentName"));

    HttpResponse<String> download = signedIn(admin).get(change.getString("documentUrl"));
    assertEquals(200, download.statusCode());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElseThrow());
    String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
    assertEquals(
        "attachment; filename=\"Deklaracia pristupu final.pdf\";"
            + " filename*=UTF-8''Deklar%C3%A1cia%20pr%C3%ADstupu%20final.pdf",
        disposition);
    assertTrue(download.body().startsWith("%PDF-"));

    assertEquals(302, Http.local().get(change.getString("documentUrl")).statusCode());
    assertEquals(404, signedIn(admin).get("/membership/documents/999999999").statusCode());
    assertEquals(
        404, signedIn(admin).get("/membership/documents/..%2F..%2FWEB-INF%2Fweb.xml").statusCode());
    assertEquals(
        MembershipStatus.MEMBER,
        data.query(
                "select o.status from Organisation o where o.id = ?1",
                MembershipStatus.class,
                (long) town.getInt("id"))
            .get(0));
  }

  @Test
  void theEditFormShowsTranslatedMessagesAndKeepsWhatWasTyped() throws Exception {
    Http browser = signedIn(admin);
    // Test accounts read English; the page follows the account, not the browser.
    HttpResponse<String> form =
        browser.get("/membership/edit-organisation", "Accept-Language", "pl");
    assertEquals(200, form.statusCode());
    Map<String, String> fields = new HashMap<>(Http.formState(form.body()));
    fields.put("organisation-form", "organisation-form");
    fields.put("organisation-form:code", "bad code!");
    fields.put("organisation-form:name", "Gmina Krosno");
    fields.put("organisation-form:type", "TOWN");
    fields.put("organisation-form:country", "PL");
    fields.put("organisation-form:website", "ftp://krosno.pl");
    fields.put("organisation-form:latitude", "north");
    fields.put("organisation-form:save", "");
    HttpResponse<String> refused = browser.postForm("/membership/edit-organisation", fields);
    assertEquals(200, refused.statusCode());
    String body = refused.body();
    assertTrue(body.contains("The code may contain only capital letters A–Z"), body);
    assertTrue(body.contains("Enter the website’s full address"), body);
    assertTrue(body.contains("Latitude (decimal degrees): “north” is not a number."), body);
    assertTrue(body.contains("value=\"Gmina Krosno\""), "what was typed is kept");
    assertEquals(
        0,
        data.query(
                "select o from Organisation o where o.name = ?1",
                Organisation.class,
                "Gmina Krosno")
            .size());
  }

  private static Http.FilePart pdf(String name) {
    return new Http.FilePart("document", name, "application/pdf", TestFiles.pdf("Deklaracia"));
  }
}
