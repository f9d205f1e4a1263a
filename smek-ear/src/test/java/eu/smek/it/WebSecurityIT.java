package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web front end's security over plain HTTP: headers and cookies, sign-in and sign-out, URL
 * rules, and the request shapes behind Apache Shiro's and PrimeFaces' published vulnerabilities
 * (shared/research/perf_rel.md §3), each of which must not reach protected content.
 */
@ExtendWith(ArquillianExtension.class)
class WebSecurityIT extends InContainerTest {

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> page = Http.local().get("/login");
    assertEquals(200, page.statusCode());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("object-src 'none'"), csp);
    assertTrue(csp.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]+'.*"), csp);
    assertFalse(csp.contains("unsafe-eval"), csp);
    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    assertEquals("strict-origin-when-cross-origin", header(page, "Referrer-Policy"));
    assertEquals("DENY", header(page, "X-Frame-Options"));
    assertTrue(page.headers().firstValue("X-Powered-By").isEmpty());
    assertTrue(page.headers().firstValue("Server").isEmpty());
    // Every script on the page carries the nonce of this response.
    String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertTrue(page.body().contains("nonce=\"" + nonce + "\""));
  }

  @Test
  void visitorsWhoAreNotSignedInCostNoSession() throws Exception {
    // Only the sign-in form keeps a (short) session, so that a refused field keeps what was typed.
    for (String path : List.of("/", "/accessibility", "/no/such/page")) {
      HttpResponse<String> page = Http.local().get(path);
      assertTrue(
          page.headers().allValues("Set-Cookie").stream()
              .noneMatch(c -> c.startsWith("JSESSIONID")),
          path + " created a session");
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    HttpResponse<String> signedIn = Http.local().signIn(clerk.login(), TestData.PASSWORD);
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    // Plain HTTP here; Secure is added only when the request came over TLS.
    assertFalse(cookie.toLowerCase().contains("secure"), cookie);
  }

  @Test
  void formsPostedFromAnotherSiteAreRefused() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    Http attacker = Http.local();
    String form = attacker.get("/login").body();
    Map<String, String> fields = new HashMap<>(Http.formState(form));
    fields.putAll(
        Map.of(
            "login-form",
            "login-form",
            "login-form:username",
            clerk.login(),
            "login-form:password",
            TestData.PASSWORD,
            "login-form:sign-in",
            ""));
    HttpResponse<String> crossSite =
        attacker.postForm("/login", fields, "Sec-Fetch-Site", "cross-site");
    assertEquals(403, crossSite.statusCode());
    assertEquals(
        302, attacker.postForm("/login", fields, "Sec-Fetch-Site", "same-origin").statusCode());
  }

  @Test
  void signingInChangesTheSessionIdAndSigningOutEndsTheSession() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    Http browser = Http.local();
    // Opening a protected page starts a session (to return there after signing in).
    browser.get("/dashboard", "Accept", "text/html");
    String before = browser.cookie("JSESSIONID");
    assertNotNull(before);

    HttpResponse<String> signedIn = browser.signIn(clerk.login(), TestData.PASSWORD);
    assertEquals(302, signedIn.statusCode());
    assertTrue(header(signedIn, "Location").endsWith("/dashboard"));
    String after = browser.cookie("JSESSIONID");
    assertNotEquals(before, after);
    assertEquals(200, browser.get("/dashboard").statusCode());

    HttpResponse<String> dashboard = browser.get("/dashboard");
    Map<String, String> signOut = new HashMap<>(Http.formState(dashboard.body()));
    signOut.put("sign-out-form", "sign-out-form");
    signOut.put("sign-out-form:sign-out", "x");
    HttpResponse<String> signedOut = browser.postForm("/dashboard", signOut);
    assertEquals(302, signedOut.statusCode());
    assertTrue(header(signedOut, "Location").contains("/login?signed-out=true"));
    // The old session cookie no longer signs anyone in.
    assertRedirectsToLogin(browser.get("/dashboard"));
    assertTrue(
        data.query(
                "select e.action from AuditEntry e where e.actor = ?1",
                AuditAction.class,
                clerk.login())
            .containsAll(List.of(AuditAction.LOGIN, AuditAction.LOGOUT)));
  }

  @Test
  void aWrongPasswordAndAnUnknownNameGetTheSameTranslatedMessage() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    String wrong =
        Http.local().signIn(clerk.login(), "Wrong-password-1", "Accept-Language", "sk").body();
    String unknown =
        Http.local()
            .signIn("nobody-" + clerk.login(), "Wrong-password-1", "Accept-Language", "sk")
            .body();
    String message = "Prihlasovacie meno alebo heslo je nesprávne.";
    assertTrue(wrong.contains(message), wrong);
    assertTrue(unknown.contains(message), unknown);
    assertEquals(
        wrong.replaceAll("value=\"[^\"]*\"", "").replaceAll("nonce[-=\"'][^\"' ]*", "").length(),
        unknown.replaceAll("value=\"[^\"]*\"", "").replaceAll("nonce[-=\"'][^\"' ]*", "").length(),
        "the two answers differ only in echoed values");
  }

  @Test
  void protectedPagesSendVisitorsToSignIn() throws Exception {
    for (String path :
        List.of(
            "/dashboard",
            "/audit/view-audit-log",
            "/membership/list-organisations",
            "/security/manage-api-tokens",
            "/dashboard.xhtml")) {
      HttpResponse<String> response = Http.local().get(path);
      assertTrue(
          response.statusCode() == 302 || response.statusCode() == 301,
          path + " " + response.statusCode());
    }
    assertRedirectsToLogin(Http.local().get("/dashboard"));
  }

  @Test
  void aUserWithoutThePermissionGetsTheForbiddenPage() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    Http browser = signedIn(clerk);
    HttpResponse<String> audit = browser.get("/audit/view-audit-log");
    assertEquals(403, audit.statusCode());
    assertTrue(audit.body().contains("error-explanation"));
    assertEquals(403, browser.get("/operations/view-system-status").statusCode());
  }

  @Test
  void afterSigningInTheUserReturnsToTheRequestedPageButNeverToAnotherSite() throws Exception {
    AccountPrincipal operator = data.account(Role.IT_OPERATOR, "PP2");
    Http browser = Http.local();
    assertRedirectsToLogin(browser.get("/audit/view-audit-log?actor=admin", "Accept", "text/html"));
    // What the browser fetches by itself is not remembered instead.
    assertRedirectsToLogin(browser.get("/favicon-like.png", "Sec-Fetch-Dest", "image"));
    HttpResponse<String> signedIn = browser.signIn(operator.login(), TestData.PASSWORD);
    assertTrue(header(signedIn, "Location").endsWith("/audit/view-audit-log?actor=admin"));

    // A forged saved-request cookie and a foreign Referer are ignored (CVE-2026-44598, -48589).
    Http forged = Http.local();
    forged.get("/login");
    HttpResponse<String> elsewhere =
        forged.signIn(
            operator.login(),
            TestData.PASSWORD,
            "Referer",
            "https://evil.example/",
            "Cookie",
            "shiroSavedRequest=https://evil.example/");
    String location = header(elsewhere, "Location");
    assertTrue(location.endsWith("/dashboard"), location);
    assertFalse(location.contains("evil"), location);
  }

  @Test
  void shiroBypassShapesNeverReachProtectedContent() throws Exception {
    List<String> shapes =
        List.of(
            "/./dashboard",
            "/;/dashboard",
            "/dashboard;",
            "/dashboard;jsessionid=x",
            "/xxx/..;/dashboard",
            "/x/../audit/view-audit-log",
            "/audit/view-audit-log/",
            "/audit//view-audit-log",
            "/AUDIT/view-audit-log",
            "/audit/%2e/view-audit-log",
            "/audit/%2e%2e/audit/view-audit-log",
            "/index/%2e%2E/audit/view-audit-log",
            "/index/%2e%2e%2faudit/view-audit-log",
            "/audit/%3bview-audit-log",
            "/audit/view-audit-log%20",
            "/audit/view-audit-log%0a",
            "/audit/a%25%32%66a",
            "/%3b/audit/view-audit-log",
            "/login/..;/audit/view-audit-log",
            "/jakarta.faces.resource/..;/audit/view-audit-log",
            "/jakarta.faces.resource/%2e%2e/audit/view-audit-log.xhtml",
            "/WEB-INF/web.xml",
            "/WEB-INF/shiro.ini",
            "/WEB-INF/errorpages/../../dashboard",
            "/audit/view-audit-log.xhtml");
    Set<Integer> safe = Set.of(301, 302, 400, 401, 403, 404);
    for (String shape : shapes) {
      HttpResponse<String> response = Http.local().get(shape);
      boolean leaks =
          response.statusCode() == 200
              && (response.body().contains("audit-form")
                  || response.body().contains("account-name")
                  || response.body().contains("[urls]")
                  || response.body().contains("<web-app"));
      assertFalse(leaks, shape + " leaked protected content");
      assertTrue(
          safe.contains(response.statusCode()) || response.statusCode() == 200,
          shape + " answered " + response.statusCode());
    }
  }

  @Test
  void aForgedRememberMeCookieSignsNobodyIn() throws Exception {
    HttpResponse<String> response =
        Http.local().get("/dashboard", "Cookie", "rememberMe=" + "A".repeat(200));
    assertRedirectsToLogin(response);
    assertFalse(
        response.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("rememberMe")));
  }

  @Test
  void aTamperedOrMissingViewStateChangesNothing() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    Http browser = signedIn(clerk);
    String page = browser.get("/security/manage-api-tokens").body();
    for (String viewState :
        List.of("-1:-1", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "", Http.viewState(page) + "x")) {
      HttpResponse<String> response =
          browser.postForm(
              "/security/manage-api-tokens",
              Map.of(
                  "token-form", "token-form",
                  "token-form:name", "forged",
                  "token-form:create", "",
                  "jakarta.faces.ViewState", viewState));
      assertFalse(response.body().contains("token-form:secret"), viewState);
    }
    assertTrue(
        data.query(
                "select t.name from ApiToken t where t.account.id = ?1",
                String.class,
                clerk.accountId())
            .isEmpty());
  }

  @Test
  void primeFacesDynamicContentEvaluatesNoExpressions() throws Exception {
    // CVE-2017-1000486: pfdrid carried encrypted EL that was evaluated.
    for (String path :
        List.of(
            "/jakarta.faces.resource/dynamiccontent.properties.xhtml",
            "/javax.faces.resource/dynamiccontent.properties.xhtml")) {
      HttpResponse<String> response =
          Http.local()
              .postForm(
                  path,
                  Map.of(
                      "pfdrt", "sc", "ln", "primefaces", "pfdrid", "forged-encrypted-expression"));
      String body = response.body();
      assertFalse(response.statusCode() == 200 && body.contains("uid="), path);
      assertFalse(body.contains("java.lang.Runtime"), path);
    }
  }

  @Test
  void errorPagesAreTranslatedAndRevealNothing() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "LP");
    Http browser = signedIn(clerk);
    HttpResponse<String> missing = browser.get("/no/such/page");
    assertEquals(404, missing.statusCode());
    // In the account's language (English for test accounts), in the normal layout.
    assertTrue(missing.body().contains("There is no page at this address."));
    // No stack trace, no server product.
    assertFalse(missing.body().contains("Caused by"), missing.body());
    assertFalse(missing.body().contains(".java:"), missing.body());
    assertFalse(missing.body().contains("WildFly"), missing.body());
  }

  private static void assertRedirectsToLogin(HttpResponse<String> response) {
    assertEquals(302, response.statusCode());
    assertTrue(header(response, "Location").endsWith("/login"), header(response, "Location"));
  }

  private static String header(HttpResponse<String> response, String name) {
    return response
        .headers()
        .firstValue(name)
        .orElseThrow(() -> new AssertionError("no " + name + " header"));
  }
}
