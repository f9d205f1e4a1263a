package eu.smek.it;

import eu.smek.calendar.CalendarService;
import eu.smek.calendar.CalendarSummary;
import eu.smek.security.AccountPrincipal;
import eu.smek.shared.SpaceType;
import java.util.List;

/** Finding calendars the way a user sees them, through the real CalendarService. */
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
}
