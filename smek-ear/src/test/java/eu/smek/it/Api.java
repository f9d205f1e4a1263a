package eu.smek.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.security.AccountPrincipal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The REST API as a test account would call it, with Basic authentication: JSON requests, and
 * reading and checking the answers (JSON, or problem details).
 */
public final class Api {

  private final Http http;

  public Api(Http http) {
    this.http = http;
  }

  /**
   * Sends a request as the account, with a JSON body (marked as such) or none; extra headers are
   * name, value pairs.
   */
  public HttpResponse<String> send(
      AccountPrincipal who, String method, String path, JsonObjectBuilder body, String... headers)
      throws IOException, InterruptedException {
    return sendJson(who, method, path, body == null ? null : body.build().toString(), headers);
  }

  /** Sends a request as the account with the given text as its JSON body (or none if null). */
  public HttpResponse<String> sendJson(
      AccountPrincipal who, String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = http.request(path).header("Authorization", auth(who));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, UTF_8));
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build());
  }

  /** POSTs the JSON as the account and checks that the answer is 201 Created. */
  public HttpResponse<String> created(AccountPrincipal who, String path, JsonObjectBuilder body)
      throws IOException, InterruptedException {
    HttpResponse<String> created = send(who, "POST", path, body);
    assertEquals(201, created.statusCode(), created.body());
    return created;
  }

  /** The id of the account's town calendar: the second the API lists, after the network's. */
  public long townCalendar(AccountPrincipal who) throws IOException, InterruptedException {
    return array(get(who, "/api/v1/calendar/calendars"))
        .getJsonObject(1)
        .getJsonNumber("id")
        .longValue();
  }

  public HttpResponse<String> get(AccountPrincipal who, String path, String... headers)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("Authorization", auth(who)));
    all.addAll(List.of(headers));
    return http.get(path, all.toArray(String[]::new));
  }

  /** The Authorization header's value for a test account. */
  public static String auth(AccountPrincipal who) {
    return Http.basic(who.login(), TestData.PASSWORD);
  }

  public static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** The answer's JSON array, after checking that the answer is a 200. */
  public static JsonArray array(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /**
   * The answer is problem details (RFC 9457) with the status, a title and the machine-readable
   * code; returns them.
   */
  public static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"),
        response.headers().toString());
    JsonObject problem = object(response);
    assertEquals(status, problem.getInt("status"), response.body());
    assertFalse(problem.getString("title").isBlank(), response.body());
    assertEquals(code, problem.getString("code"), response.body());
    return problem;
  }

  /** As {@link #assertProblem(HttpResponse, int, String)}, and the detail contains the text. */
  public static void assertProblem(
      HttpResponse<String> response, int status, String code, String detailContains) {
    JsonObject problem = assertProblem(response, status, code);
    assertTrue(problem.getString("detail").contains(detailContains), problem.getString("detail"));
  }
}
