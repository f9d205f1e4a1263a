package eu.smek.rest;

import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a REST request's input for a resource: a missing or invalid field is a 400 problem in the
 * caller's language (from Accept-Language) whose code is the feature's {@code <feature>.api.
 * fieldMissing} or {@code <feature>.api.invalidFields}, naming the fields. Made per request from
 * the request's headers.
 */
public final class RestInput {

  private final HttpHeaders headers;
  private final String feature;

  private RestInput(HttpHeaders headers, String feature) {
    this.headers = headers;
    this.feature = feature;
  }

  /**
   * @param feature the message keys' prefix, e.g. {@code calendar} for {@code calendar.api.*}
   */
  public static RestInput of(HttpHeaders headers, String feature) {
    return new RestInput(headers, feature);
  }

  /** The language to answer in, from the request's Accept-Language. */
  public Language language() {
    return Messages.negotiate(headers.getAcceptableLanguages());
  }

  /** The value, or a 400 problem naming the missing field. */
  public <T> T required(T value, String field) {
    if (value == null) {
      throw badRequest(feature + ".api.fieldMissing", field);
    }
    return value;
  }

  /** The ISO date ({@code 2027-03-19}), or a 400 problem naming the field. */
  public LocalDate date(String text, String field) {
    return parse(text, field, LocalDate::parse);
  }

  /** The ISO local date and time ({@code 2027-03-19T10:00}), or a 400 problem naming the field. */
  public LocalDateTime dateTime(String text, String field) {
    return parse(text, field, LocalDateTime::parse);
  }

  /** The ISO instant ({@code 2027-03-19T09:00:00Z}), or a 400 problem naming the field. */
  public Instant instant(String text, String field) {
    return parse(text, field, Instant::parse);
  }

  /** The draft, or a 400 problem naming the fields that break its constraints, in order. */
  public <T> T valid(Validator validator, T draft) {
    invalid(violations(validator, draft));
    return draft;
  }

  /** The top-level fields of the draft that break its constraints, in order. */
  public static Set<String> violations(Validator validator, Object draft) {
    Set<String> invalid = new TreeSet<>();
    validator
        .validate(draft)
        .forEach(violation -> invalid.add(violation.getPropertyPath().iterator().next().getName()));
    return invalid;
  }

  /** A 400 problem naming the fields, if there are any. */
  public void invalid(Collection<String> fields) {
    if (!fields.isEmpty()) {
      throw invalid(String.join(", ", new TreeSet<>(fields)));
    }
  }

  /** The 400 problem naming invalid fields, for the caller to throw. */
  public WebApplicationException invalid(String fields) {
    return badRequest(feature + ".api.invalidFields", fields);
  }

  /** A 400 problem with its own translated detail, which the problem mappers pass on as it is. */
  public WebApplicationException badRequest(String key, Object... arguments) {
    return badRequest(language(), key, arguments);
  }

  /** A 400 problem in the given language, for code that has no request headers at hand. */
  public static WebApplicationException badRequest(
      Language language, String key, Object... arguments) {
    return new WebApplicationException(Problem.of(400, language, key, arguments).toResponse());
  }

  private <T> T parse(String text, String field, Function<String, T> parser) {
    try {
      return parser.apply(text.strip());
    } catch (DateTimeParseException wrong) {
      throw invalid(field);
    }
  }
}
