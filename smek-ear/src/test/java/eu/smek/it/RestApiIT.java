package eu.smek.it;

import static eu.smek.it.Api.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.security.AccountPrincipal;
import eu.smek.security.NewApiToken;
import eu.smek.security.Role;
import eu.smek.security.SecurityService;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API from outside: authentication, JSON answers, problem details, no sessions. */
@ExtendWith(ArquillianExtension.class)
class RestApiIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/SecurityService")
  private SecurityService security;

  private final Http http = Http.local();

  @Test
  void withoutCredentialsTheAnswerIsATranslatedProblem() throws Exception {
    HttpResponse<String> response =
        http.get("/api/v1/organisations", "Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5");
    assertEquals(401, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"));
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("Basic"));
    JsonObject problem = json(response).asJsonObject();
    assertEquals(401, problem.getInt("status"));
    assertEquals("Brak uwierzytelnienia", problem.getString("title"));
    assertEquals("api.credentialsMissing", problem.getString("code"));
    assertTrue(problem.getString("detail").startsWith("Podaj dane uwierzytelniające"));
  }

  @Test
  void basicAuthenticationListsTheOrganisations() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    HttpResponse<String> response =
        http.get(
            "/api/v1/organisations", "Authorization", Http.basic(clerk.login(), TestData.PASSWORD));
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonArray organisations = json(response).asJsonArray();
    assertTrue(organisations.size() >= 13);
    JsonObject humenne =
        organisations.getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("code").equals("LP"))
            .findFirst()
            .orElseThrow();
    assertEquals("Mesto Humenné", humenne.getString("name"));
    assertEquals("SK", humenne.getString("country"));
    assertTrue(humenne.getBoolean("leadPartner"));
    assertNotNull(
        http.get(
            "/api/v1/organisations/" + humenne.getInt("id"),
            "Authorization",
            Http.basic(clerk.login(), TestData.PASSWORD)));
  }

  @Test
  void meDescribesTheCaller() throws Exception {
    AccountPrincipal coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
    JsonObject me =
        json(http.get(
                "/api/v1/me", "Authorization", Http.basic(coordinator.login(), TestData.PASSWORD)))
            .asJsonObject();
    assertEquals(coordinator.login(), me.getString("login"));
    assertEquals("PP3", me.getJsonObject("organisation").getString("code"));
    assertEquals(
        List.of("TOWN_COORDINATOR"),
        me.getJsonArray("roles").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    long przemysl = me.getJsonObject("organisation").getJsonNumber("id").longValue();
    assertTrue(
        me.getJsonArray("permissions").toString().contains("membership:manage-cell:" + przemysl));
  }

  @Test
  void wrongAndHostileCredentialsAreRefusedAlike() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    for (String authorization :
        List.of(
            Http.basic(clerk.login(), "Wrong-password-1"),
            Http.basic("' or 1=1 --", "x"),
            "Bearer smek_forged",
            "Bearer " + "x".repeat(10_000),
            "Basic %%%",
            "Negotiate abc")) {
      HttpResponse<String> response = http.get("/api/v1/me", "Authorization", authorization);
      assertEquals(
          401,
          response.statusCode(),
          authorization.substring(0, Math.min(30, authorization.length())));
      assertEquals(401, json(response).asJsonObject().getInt("status"));
    }
  }

  @Test
  void aPersonalTokenWorksUntilItIsRevoked() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP5");
    NewApiToken token = TestSubjects.as(clerk, () -> security.createApiToken("script"));
    String bearer = "Bearer " + token.secret();

    HttpResponse<String> me = http.get("/api/v1/me", "Authorization", bearer);
    assertEquals(200, me.statusCode());
    assertEquals(clerk.login(), json(me).asJsonObject().getString("login"));

    TestSubjects.run(clerk, () -> security.revokeApiToken(token.token().getId()));
    assertEquals(401, http.get("/api/v1/me", "Authorization", bearer).statusCode());
  }

  @Test
  void theApiNeverUsesOrCreatesSessions() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    HttpResponse<String> withCredentials =
        http.get("/api/v1/me", "Authorization", Http.basic(clerk.login(), TestData.PASSWORD));
    assertEquals(200, withCredentials.statusCode());
    assertTrue(withCredentials.headers().allValues("Set-Cookie").isEmpty());
    // A script's call is not a sign-in: it leaves no LOGIN entry in the audit log.
    assertTrue(
        data.query(
                "select e.action from AuditEntry e where e.actor = ?1",
                eu.smek.audit.AuditAction.class,
                clerk.login())
            .isEmpty());

    // A signed-in browser session does not authenticate API calls: no cross-site request forgery.
    Http browser = Http.local();
    assertEquals(302, browser.signIn(clerk.login(), TestData.PASSWORD).statusCode());
    assertEquals(200, browser.get("/dashboard").statusCode());
    assertEquals(401, browser.get("/api/v1/me").statusCode());
  }

  @Test
  void unknownThingsAnswerWithProblemDetails() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    String auth = Http.basic(clerk.login(), TestData.PASSWORD);
    assertProblem(
        http.get("/api/v1/organisations/999999", "Authorization", auth),
        404,
        "error.recordNotFound");
    assertProblem(
        http.get("/api/v1/organisations/abc", "Authorization", auth), 404, "api.status.404.detail");
    assertProblem(
        http.get("/api/v1/nothing-here", "Authorization", auth), 404, "api.status.404.detail");
    assertProblem(
        http.send(
            http.request("/api/v1/organisations").header("Authorization", auth).DELETE().build()),
        405,
        "api.status.405.detail");
    assertProblem(
        http.get("/api/v1/organisations", "Authorization", auth, "Accept", "application/xml"),
        406,
        "api.status.406.detail");
  }

  @Test
  void aLockedNameIsToldWhenToComeBack() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP11");
    HttpResponse<String> response = null;
    for (int i = 1; i <= 5; i++) {
      response =
          http.get("/api/v1/me", "Authorization", Http.basic(clerk.login(), "Wrong-password-" + i));
    }
    assertEquals(429, response.statusCode());
    assertTrue(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) > 0);
    assertEquals("security.login.locked", json(response).asJsonObject().getString("code"));
    // Even the right password waits for the lock to end.
    assertEquals(
        429,
        http.get("/api/v1/me", "Authorization", Http.basic(clerk.login(), TestData.PASSWORD))
            .statusCode());
  }

  @Test
  void concurrentCallsAreAllAnswered() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    NewApiToken token = TestSubjects.as(clerk, () -> security.createApiToken("parallel"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(
            () ->
                Http.local()
                    .get("/api/v1/organisations", "Authorization", "Bearer " + token.secret())
                    .statusCode());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertEquals(200, status.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    HttpResponse<String> document = http.get("/openapi", "Accept", "application/json");
    assertEquals(200, document.statusCode());
    JsonObject openApi = json(document).asJsonObject();
    JsonObject paths = openApi.getJsonObject("paths");
    assertTrue(paths.containsKey("/api/v1/organisations"), paths.keySet().toString());
    assertTrue(paths.containsKey("/api/v1/me"), paths.keySet().toString());
    assertTrue(
        openApi.getJsonObject("components").getJsonObject("securitySchemes").containsKey("token"));
  }

  @Test
  void responsesForbidCachingAndFraming() throws Exception {
    HttpResponse<String> response = http.get("/api/v1/me");
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("frame-ancestors 'none'"));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertFalse(response.body().contains("Exception"));
  }

  private static JsonValue json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readValue();
  }
}
