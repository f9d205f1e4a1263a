package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Http;
import eu.smek.shared.Language;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * Personal API tokens, created and revoked in the browser and used with the REST API. Every token
 * made here is revoked again, so the demo account keeps its room for active tokens.
 */
class ApiTokensBrowserIT extends BrowserTest {

  private static final DemoUser USER = DemoUser.COORDINATOR;
  private static final Language LANGUAGE = USER.language();

  private static final By NAME = By.id("token-form:name");
  private static final By CREATE = By.id("token-form:create");
  private static final By SECRET = By.id("token-form:secret");
  private static final By ROWS = By.cssSelector("[id='token-form:tokens_data'] > tr[data-ri]");
  private static final By CONFIRM_YES = By.id("confirm-form:confirm-yes");
  private static final By CONFIRM_NO = By.id("confirm-form:confirm-no");

  @BeforeEach
  void signIn() {
    browser.signIn(USER);
    browser.open("/security/manage-api-tokens");
  }

  @Test
  void aTokenOpensTheApiUntilItIsRevoked() throws Exception {
    String name = "browser-test " + UUID.randomUUID();

    String secret = create(name);

    WebElement secretField = browser.find(SECRET);
    assertNotNull(secretField.getDomAttribute("readonly"));
    String prefix = cells(row(name).orElseThrow()).get(1).replace("…", "");
    assertTrue(secret.startsWith(prefix), "the table shows the secret's start: " + prefix);
    browser.assertAccessible();

    HttpResponse<String> me = me(secret);
    assertEquals(200, me.statusCode(), me.body());
    JsonObject account = Json.createReader(new StringReader(me.body())).readObject();
    assertEquals(USER.login(), account.getString("login"));

    openRevokeDialog(name);
    browser.assertAccessible();
    browser.clickAndWaitForAjax(CONFIRM_YES);
    browser.waitUntilHidden(CONFIRM_YES);

    List<String> revoked = cells(row(name).orElseThrow());
    assertTrue(
        revoked.get(4).startsWith(text(LANGUAGE, "security.apiToken.revokedAt")), revoked.get(4));
    assertEquals(401, me(secret).statusCode());
  }

  @Test
  void aTokenNeedsAName() {
    int tokens = browser.findAll(ROWS).size();

    browser.clickAndWaitForAjax(CREATE);

    String required = text(LANGUAGE, "security.apiToken.name.required");
    assertEquals(required, browser.fieldError(NAME));
    assertEquals(List.of(required), browser.messages());
    assertTrue(browser.findAll(SECRET).isEmpty(), "no secret shown");
    assertEquals(tokens, browser.findAll(ROWS).size());
    browser.assertAccessible();
  }

  @Test
  void aHostileNameIsShownAsText() {
    String name =
        "<script>alert('x')</script> Zażółć gęślą jaźń, Ťažký kôň "
            + UUID.randomUUID().toString().substring(0, 8);

    create(name);

    assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    WebElement row = row(name).orElseThrow(() -> new AssertionError("no row shows " + name));
    assertEquals(name, cells(row).get(0));
    assertTrue(row.findElements(By.tagName("script")).isEmpty());

    // "No" keeps the token; then it is revoked, as every token made here.
    openRevokeDialog(name);
    browser.find(CONFIRM_NO).click();
    browser.waitUntilHidden(CONFIRM_NO);
    assertFalse(revokeButton(name).isEmpty(), "still active after answering no");
    openRevokeDialog(name);
    browser.clickAndWaitForAjax(CONFIRM_YES);
    browser.waitUntilHidden(CONFIRM_YES);
    assertTrue(revokeButton(name).isEmpty(), "revoked after answering yes");
  }

  /** Creates a token with the form and returns the secret the page shows once. */
  private static String create(String name) {
    browser.type(NAME, name);
    browser.clickAndWaitForAjax(CREATE);
    String secret = browser.waitUntilVisible(SECRET).getDomProperty("value");
    assertFalse(secret.isBlank(), "a secret is shown");
    return secret;
  }

  private static void openRevokeDialog(String name) {
    revokeButton(name).orElseThrow().click();
    browser.waitUntilVisible(CONFIRM_YES);
  }

  private static Optional<WebElement> revokeButton(String name) {
    String row = row(name).orElseThrow().getDomAttribute("data-ri");
    return browser.findAll(By.id("token-form:tokens:" + row + ":revoke")).stream().findFirst();
  }

  private static Optional<WebElement> row(String name) {
    return browser.findAll(ROWS).stream().filter(row -> cells(row).get(0).equals(name)).findFirst();
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  /** The REST API's view of the token's owner, as a script would ask for it. */
  private static HttpResponse<String> me(String secret) throws IOException, InterruptedException {
    return new Http(browser.base())
        .get("/api/v1/me", "Authorization", "Bearer " + secret, "Accept", "application/json");
  }
}
