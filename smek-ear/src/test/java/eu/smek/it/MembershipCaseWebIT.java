package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.membership.MembershipService;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.ejb.EJB;
import jakarta.json.Json;
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

/** Membership cases over REST, their documents and their page, from outside. */
@ExtendWith(ArquillianExtension.class)
class MembershipCaseWebIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private final Http http = Http.local();
  private AccountPrincipal admin;
  private String adminAuth;
  private long town;

  @BeforeEach
  void prospect() throws Exception {
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP2");
    adminAuth = Http.basic(admin.login(), TestData.PASSWORD);
    String code = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    town =
        TestSubjects.as(
                admin,
                () ->
                    membership.createOrganisation(
                        new Organisation(
                            code, "Mesto Svidník " + code, Country.SK, OrganisationType.TOWN)))
            .getId();
  }

  private Map<String, String> application(String email) {
    Map<String, String> fields = new HashMap<>();
    fields.put("organisation", String.valueOf(town));
    fields.put("kind", "ACCESSION");
    fields.put("contactName", "Ján Hudák");
    fields.put("contactEmail", email);
    fields.put("statement", "<b>Žiadosť</b> o pristúpenie");
    return fields;
  }

  private HttpResponse<String> json(String method, String path, String auth, String body)
      throws Exception {
    return http.send(
        http.request(path)
            .header("Authorization", auth)
            .header("Accept-Language", "en")
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Test
  void aTownIsAdmittedStepByStepOverRest() throws Exception {
    String email = "svidnik." + UUID.randomUUID().toString().substring(0, 6) + "@example.sk";
    HttpResponse<String> opened =
        http.postMultipart(
            "/api/v1/membership-cases",
            application(email),
            new Http.FilePart("document", "uznesenie.pdf", "application/pdf", TestFiles.pdf("U")),
            "Authorization",
            adminAuth);
    assertEquals(201, opened.statusCode(), opened.body());
    JsonObject summary = object(opened).getJsonObject("summary");
    assertEquals("UNDER_REVIEW", summary.getString("state"));
    long id = summary.getJsonNumber("id").longValue();
    String path = "/api/v1/membership-cases/" + id;
    // Text fields arrive in UTF-8 whatever the server's platform charset.
    assertEquals(
        "<b>Žiadosť</b> o pristúpenie",
        object(opened).getJsonArray("steps").getJsonObject(0).getString("text"));
    long resolution =
        object(opened)
            .getJsonArray("steps")
            .getJsonObject(0)
            .getJsonNumber("documentId")
            .longValue();

    HttpResponse<String> asked =
        json(
            "POST",
            path + "/completion-requests",
            adminAuth,
            "{\"text\":\"Pošlite podpísané uznesenie.\"}");
    assertEquals(200, asked.statusCode(), asked.body());
    assertEquals("COMPLETION_REQUESTED", object(asked).getJsonObject("summary").getString("state"));
    HttpResponse<String> early = json("POST", path + "/decision", adminAuth, "{\"approve\":true}");
    assertEquals(422, early.statusCode(), early.body());
    assertTrue(
        object(early).getString("detail").startsWith("The step “approved” is not possible now"),
        early.body());

    HttpResponse<String> supplemented =
        http.postMultipart(
            path + "/supplements",
            Map.of("text", "Podpísané"),
            new Http.FilePart(
                "document", "uznesenie-2.pdf", "application/pdf", TestFiles.pdf("U2")),
            "Authorization",
            adminAuth);
    assertEquals(200, supplemented.statusCode(), supplemented.body());
    long supplement =
        object(supplemented)
            .getJsonArray("steps")
            .getJsonObject(2)
            .getJsonNumber("documentId")
            .longValue();
    assertEquals(
        200, json("POST", path + "/comments", adminAuth, "{\"text\":\"OK\"}").statusCode());
    HttpResponse<String> rejectWithoutReason =
        json("POST", path + "/decision", adminAuth, "{\"approve\":false}");
    assertEquals(422, rejectWithoutReason.statusCode());
    assertEquals(
        200, json("POST", path + "/decision", adminAuth, "{\"approve\":true}").statusCode());

    HttpResponse<String> completed =
        http.postMultipart(
            path + "/completion",
            Map.of("effectiveOn", "not-a-date"),
            new Http.FilePart(
                "document",
                "vyhlasenie.pdf",
                "application/pdf",
                TestFiles.signedPdf("V", "Ján Hudák")),
            "Authorization",
            adminAuth);
    assertEquals(400, completed.statusCode(), completed.body());
    completed =
        http.postMultipart(
            path + "/completion",
            Map.of(),
            new Http.FilePart(
                "document",
                "vyhlasenie.pdf",
                "application/pdf",
                TestFiles.signedPdf("V", "Ján Hudák")),
            "Authorization",
            adminAuth);
    assertEquals(200, completed.statusCode(), completed.body());
    JsonObject done = object(completed);
    assertEquals("COMPLETED", done.getJsonObject("summary").getString("state"));
    assertEquals("Ján Hudák", done.getJsonArray("signatures").getJsonObject(0).getString("signer"));
    assertEquals(6, done.getJsonArray("steps").size());

    // The resolution behind the applicant status is in the register, for every member to read;
    // the case's other documents are for who handles the cases. The page escapes what was typed.
    Http browser = Http.local();
    assertEquals(302, browser.signIn(admin.login(), TestData.PASSWORD).statusCode());
    HttpResponse<String> document = browser.get("/membership/documents/" + resolution);
    assertEquals(200, document.statusCode());
    assertTrue(document.body().startsWith("%PDF"));
    HttpResponse<String> page =
        browser.get("/membership/view-case?id=" + id, "Accept-Language", "en");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("&lt;b&gt;Žiadosť&lt;/b&gt;"), page.body());
    assertTrue(page.body().contains("Ján Hudák"));

    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    Http clerkBrowser = Http.local();
    assertEquals(302, clerkBrowser.signIn(clerk.login(), TestData.PASSWORD).statusCode());
    assertEquals(200, clerkBrowser.get("/membership/documents/" + resolution).statusCode());
    assertEquals(200, browser.get("/membership/documents/" + supplement).statusCode());
    assertEquals(404, clerkBrowser.get("/membership/documents/" + supplement).statusCode());
    assertEquals(403, clerkBrowser.get("/membership/view-case?id=" + id).statusCode());
  }

  @Test
  void badAndUnauthorisedRequestsAreExplained() throws Exception {
    String email = "x." + UUID.randomUUID().toString().substring(0, 6) + "@example.sk";
    HttpResponse<String> withoutResolution =
        http.postMultipart(
            "/api/v1/membership-cases",
            application(email),
            null,
            "Authorization",
            adminAuth,
            "Accept-Language",
            "en");
    assertEquals(422, withoutResolution.statusCode());
    assertTrue(
        object(withoutResolution).getString("detail").contains("resolution"),
        withoutResolution.body());

    Map<String, String> badKind = application(email);
    badKind.put("kind", "ANNEXATION");
    assertEquals(
        400,
        http.postMultipart("/api/v1/membership-cases", badKind, null, "Authorization", adminAuth)
            .statusCode());
    Map<String, String> badOrganisation = application(email);
    badOrganisation.put("organisation", "1 OR 1=1");
    assertEquals(
        400,
        http.postMultipart(
                "/api/v1/membership-cases", badOrganisation, null, "Authorization", adminAuth)
            .statusCode());
    Map<String, String> badEmail = application("not-an-address");
    assertEquals(
        400,
        http.postMultipart(
                "/api/v1/membership-cases",
                badEmail,
                new Http.FilePart("document", "u.pdf", "application/pdf", TestFiles.pdf("U")),
                "Authorization",
                adminAuth)
            .statusCode());
    HttpResponse<String> traversal =
        http.postMultipart(
            "/api/v1/membership-cases",
            application(email),
            new Http.FilePart(
                "document", "../../etc/passwd", "application/pdf", "root:x:0:0".getBytes()),
            "Authorization",
            adminAuth);
    assertEquals(422, traversal.statusCode(), traversal.body());

    AccountPrincipal coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
    String coordinatorAuth = Http.basic(coordinator.login(), TestData.PASSWORD);
    assertEquals(
        403,
        http.send(
                http.request("/api/v1/membership-cases")
                    .header("Authorization", coordinatorAuth)
                    .GET()
                    .build())
            .statusCode());
    assertEquals(
        404,
        http.send(
                http.request("/api/v1/membership-cases/987654321")
                    .header("Authorization", adminAuth)
                    .GET()
                    .build())
            .statusCode());
    HttpResponse<String> list =
        http.send(
            http.request("/api/v1/membership-cases?all=true&organisation=" + town)
                .header("Authorization", adminAuth)
                .GET()
                .build());
    assertEquals(200, list.statusCode());
    assertFalse(
        list.body().contains("\"id\""),
        "no case was opened by the refused requests: " + list.body());
  }
}
