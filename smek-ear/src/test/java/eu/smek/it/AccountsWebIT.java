package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipService;
import eu.smek.membership.Person;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.security.SecurityService;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The invitation page, deactivation of a signed-in user, and a user's own data over REST. */
@ExtendWith(ArquillianExtension.class)
class AccountsWebIT extends InContainerTest {

  private static final String PASSWORD = "Solina-Zapora-2026";

  @EJB(lookup = "java:global/smek/smek-ejb/SecurityService")
  private SecurityService security;

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private final Http http = Http.local();
  private String townCode;
  private AccountPrincipal coordinator;
  private long town;

  @BeforeEach
  void townWithCoordinator() {
    town = data.memberTown("Miasto Lesko " + UUID.randomUUID(), Country.PL);
    townCode =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    coordinator = data.account(Role.TOWN_COORDINATOR, townCode);
  }

  private String invitation() throws Exception {
    Person person = new Person();
    person.setGivenName("Jan");
    person.setFamilyName("Bieszczadzki");
    person.setRole(CellRole.MEMBER);
    person.setEmail("j." + UUID.randomUUID().toString().substring(0, 8) + "@lesko.pl");
    Person added = TestSubjects.as(coordinator, () -> membership.addPerson(town, person));
    return Mailbox.sentBy(
            added.getEmail(),
            () -> TestSubjects.run(coordinator, () -> security.invite(added.getId(), Role.CLERK)))
        .token();
  }

  private HttpResponse<String> submit(
      String page, String body, String login, String password, String again) throws Exception {
    Map<String, String> fields = new HashMap<>(Http.formState(body));
    fields.put("accept-form", "accept-form");
    fields.put("accept-form:login", login);
    fields.put("accept-form:password", password);
    fields.put("accept-form:password-again", again);
    fields.put("accept-form:accept", "");
    return http.postForm(page, fields, "Accept-Language", "en");
  }

  @Test
  void theLinkLeadsToAFormThatCreatesTheAccountOnce() throws Exception {
    String page = "/accept-invitation?token=" + invitation();
    HttpResponse<String> form = http.get(page, "Accept-Language", "en");
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("Jan Bieszczadzki"), form.body());

    // Passwords that differ are refused with a message, and the login name typed is kept.
    String login = "jan." + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> differ = submit(page, form.body(), login, PASSWORD, PASSWORD + "x");
    assertEquals(200, differ.statusCode());
    assertTrue(differ.body().contains("The two passwords differ."), differ.body());
    assertTrue(differ.body().contains("value=\"" + login + "\""), differ.body());

    HttpResponse<String> weak = submit(page, differ.body(), login, "password", "password");
    assertEquals(200, weak.statusCode());
    assertTrue(weak.body().contains("at least 12 characters"), weak.body());

    HttpResponse<String> hostile =
        submit(page, weak.body(), "<script>alert(1)</script>", PASSWORD, PASSWORD);
    assertEquals(200, hostile.statusCode());
    assertFalse(hostile.body().contains("<script>alert(1)</script>"), hostile.body());
    assertTrue(hostile.body().contains("2 to 64 characters"), hostile.body());

    HttpResponse<String> created = submit(page, hostile.body(), login, PASSWORD, PASSWORD);
    assertEquals(302, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElseThrow().endsWith("/login?welcome=true"));

    Http newcomer = Http.local();
    assertEquals(302, newcomer.signIn(login, PASSWORD).statusCode());
    assertEquals(200, newcomer.get("/dashboard").statusCode());

    // The link is spent: the page says so and shows no form.
    HttpResponse<String> again = http.get(page, "Accept-Language", "en");
    assertTrue(again.body().contains("This invitation link is not valid"), again.body());
    assertFalse(again.body().contains("accept-form"), again.body());
  }

  @Test
  void missingUnknownAndHostileLinksGetOneTranslatedMessage() throws Exception {
    for (String token :
        new String[] {"", "unknown", "<script>alert(1)</script>", "../../WEB-INF/web.xml"}) {
      HttpResponse<String> page =
          http.get(
              "/accept-invitation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
              "Accept-Language",
              "sk");
      assertTrue(
          page.statusCode() == 200 || page.statusCode() == 404, token + ": " + page.statusCode());
      assertTrue(page.body().contains("Tento odkaz s pozvánkou nie je platný"), page.body());
      assertFalse(page.body().contains("<script>alert(1)</script>"), page.body());
    }
    HttpResponse<String> oversized =
        http.get("/accept-invitation?token=" + "a".repeat(5_000), "Accept-Language", "en");
    assertTrue(oversized.body().contains("This invitation link is not valid"), oversized.body());
  }

  @Test
  void deactivationEndsTheSessionAtTheNextRequest() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, townCode);
    assertEquals(302, http.signIn(clerk.login(), TestData.PASSWORD).statusCode());
    assertEquals(200, http.get("/dashboard").statusCode());
    assertEquals(200, http.get("/membership/search-directory").statusCode());

    TestSubjects.run(coordinator, () -> security.deactivateAccount(clerk.accountId()));

    HttpResponse<String> next = http.get("/membership/search-directory", "Accept-Language", "en");
    assertEquals(302, next.statusCode());
    String location = next.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/login?deactivated=true"), location);
    HttpResponse<String> notice = http.get("/login?deactivated=true", "Accept-Language", "en");
    assertTrue(notice.body().contains("your account was deactivated"), notice.body());

    // Reactivated, the old session stays ended: the user signs in again.
    TestSubjects.run(coordinator, () -> security.reactivateAccount(clerk.accountId()));
    HttpResponse<String> afterwards = http.get("/dashboard");
    assertEquals(302, afterwards.statusCode());
    assertTrue(afterwards.headers().firstValue("Location").orElseThrow().contains("/login"));
  }

  @Test
  void myDataIsDownloadableAsJsonAndOnlyMine() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, townCode);
    String auth = Http.basic(clerk.login(), TestData.PASSWORD);
    HttpResponse<String> response =
        http.send(http.request("/api/v1/me/data").header("Authorization", auth).GET().build());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonObject mine = Json.createReader(new StringReader(response.body())).readObject();
    assertEquals(clerk.login(), mine.getJsonObject("account").getString("login"));
    assertTrue(mine.containsKey("auditEntries"), response.body());

    assertEquals(401, http.get("/api/v1/me/data").statusCode());
  }
}
