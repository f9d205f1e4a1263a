package eu.smek.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.smek.it.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The REST API as a demo user, for browser tests that set up through it what the pages then show.
 */
final class DemoApi {

  private final Http http;
  private final DemoUser user;

  DemoApi(String base, DemoUser user) {
    this.http = new Http(base);
    this.user = user;
  }

  /** Sends a request as the user, with a JSON body or none. */
  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        http.request(path).header("Authorization", Http.basic(user.login(), user.password()));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, UTF_8));
    }
    return http.send(request.build());
  }

  /**
   * Creates an event in the user's town calendar (the second the API lists, after the network's)
   * and returns its id.
   */
  long createEvent(JsonObjectBuilder event) throws IOException, InterruptedException {
    HttpResponse<String> calendars = send("GET", "/api/v1/calendar/calendars", null);
    long calendar =
        Json.createReader(new StringReader(calendars.body()))
            .readArray()
            .getJsonObject(1)
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/calendar/events",
            event.add("calendarId", calendar).build().toString());
    assertEquals(201, created.statusCode(), created.body());
    return object(created).getJsonNumber("id").longValue();
  }

  static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
