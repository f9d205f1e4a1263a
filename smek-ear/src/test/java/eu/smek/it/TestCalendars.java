package eu.smek.it;

import eu.smek.calendar.CalendarService;
import eu.smek.calendar.CalendarSummary;
import eu.smek.calendar.EventDraft;
import eu.smek.security.AccountPrincipal;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calendars as a user sees them, through the real CalendarService, and plain events in Warsaw's
 * time to put in them: as a draft for the service, or as JSON for the REST API.
 */
public final class TestCalendars {

  private TestCalendars() {}

  /** The id of the first calendar of a space of the type that the account sees. */
  public static long calendarOf(CalendarService calendars, AccountPrincipal who, SpaceType type)
      throws Exception {
    return summary(TestSubjects.as(who, () -> calendars.calendars()), type).calendar().getId();
  }

  /** The first of the summaries whose calendar belongs to a space of the type. */
  public static CalendarSummary summary(List<CalendarSummary> summaries, SpaceType type) {
    return summaries.stream()
        .filter(s -> s.calendar().getSpace().getType() == type)
        .findFirst()
        .orElseThrow();
  }

  /** A timed event with no description, location, translations or categories. */
  public static EventDraft draft(
      String title, LocalDateTime start, LocalDateTime end, String rule, Visibility visibility) {
    return new EventDraft(
        title,
        null,
        null,
        Map.of(),
        null,
        false,
        start,
        end,
        "Europe/Warsaw",
        rule,
        Set.of(),
        visibility);
  }

  /** The REST API's JSON for a timed event in the calendar; the caller may add more fields. */
  public static JsonObjectBuilder eventJson(
      long calendar, String title, String start, String end, String visibility) {
    return Json.createObjectBuilder()
        .add("calendarId", calendar)
        .add("title", title)
        .add("start", start)
        .add("end", end)
        .add("timeZone", "Europe/Warsaw")
        .add("visibility", visibility);
  }
}
