package eu.smek.rest;

import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * An error answer of the REST API as RFC 9457 problem details: a translated title for the status, a
 * translated detail saying what went wrong, and an optional machine-readable {@code code} (the
 * message key) for clients that want to react to a specific rule.
 */
public record Problem(int status, String title, String detail, String code) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Statuses with their own translated title and generic detail; others share a default. */
  public static final Set<Integer> TRANSLATED_STATUSES =
      Set.of(400, 401, 403, 404, 405, 406, 409, 415, 422, 429, 500);

  /** A problem whose detail is the translated message for a key. */
  public static Problem of(int status, Language language, String key, Object... arguments) {
    return new Problem(
        status,
        Messages.format(language.locale(), titleKey(status)),
        Messages.format(language.locale(), key, arguments),
        key);
  }

  /**
   * The key of the title for a status: {@code api.status.<status>} or {@code api.status.default}.
   */
  static String titleKey(int status) {
    return TRANSLATED_STATUSES.contains(status) ? "api.status." + status : "api.status.default";
  }

  public String toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    if (code != null) {
      json.add("code", code);
    }
    return json.build().toString();
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
  }
}
