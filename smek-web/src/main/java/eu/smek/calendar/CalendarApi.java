package eu.smek.calendar;

import eu.smek.rest.Problem;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the calendar's REST resources share: the caller's language, and the 400 problems, in that
 * language, for a field that is missing or invalid.
 */
final class CalendarApi {

  private CalendarApi() {}

  /** The language to answer in, from the request's Accept-Language. */
  static Language caller(HttpHeaders headers) {
    return Messages.negotiate(headers.getAcceptableLanguages());
  }

  /** The value, or a 400 problem {@code calendar.api.fieldMissing} naming the field. */
  static <T> T required(HttpHeaders headers, T value, String field) {
    if (value == null) {
      throw badRequest(caller(headers), "calendar.api.fieldMissing", field);
    }
    return value;
  }

  /** The ISO date, or a 400 problem {@code calendar.api.invalidFields} naming the field. */
  static LocalDate date(HttpHeaders headers, String text, String field) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException invalid) {
      throw badRequest(caller(headers), "calendar.api.invalidFields", field);
    }
  }

  /** The draft, or a 400 problem naming the fields that break its constraints, in order. */
  static <T> T valid(HttpHeaders headers, Validator validator, T draft) {
    Set<String> invalid = new TreeSet<>();
    validator
        .validate(draft)
        .forEach(violation -> invalid.add(violation.getPropertyPath().iterator().next().getName()));
    if (!invalid.isEmpty()) {
      throw badRequest(caller(headers), "calendar.api.invalidFields", String.join(", ", invalid));
    }
    return draft;
  }

  static WebApplicationException badRequest(Language language, String key, Object... arguments) {
    return new WebApplicationException(Problem.of(400, language, key, arguments).toResponse());
  }
}
