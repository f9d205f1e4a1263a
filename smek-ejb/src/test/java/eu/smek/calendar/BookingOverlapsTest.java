package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.SpaceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The double-booking rule without a container: single events, series against series, excluded
 * dates, moved occurrences, DST, all-day events and how far ahead series are compared.
 */
class BookingOverlapsTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final EventCalendar CALENDAR = new EventCalendar(SpaceRef.NETWORK);

  @Test
  void overlappingSingleEventsClashAndOnesThatOnlyTouchDoNot() {
    CalendarEvent council = timed("2026-06-10T10:00", "2026-06-10T12:00", WARSAW, null);

    assertThat(clash(council, timed("2026-06-10T11:30", "2026-06-10T13:00", WARSAW, null)))
        .contains("2026-06-10T09:30:00Z");
    assertThat(clash(council, timed("2026-06-10T09:00", "2026-06-10T14:00", WARSAW, null)))
        .contains("2026-06-10T07:00:00Z");
    assertThat(clash(council, timed("2026-06-10T12:00", "2026-06-10T13:00", WARSAW, null)))
        .isEmpty();
    assertThat(clash(council, timed("2026-06-10T08:00", "2026-06-10T10:00", WARSAW, null)))
        .isEmpty();
  }

  @Test
  void aSingleEventClashesWithTheOccurrenceOfASeriesOnItsDay() {
    CalendarEvent weekly =
        timed("2026-03-19T10:00", "2026-03-19T11:00", WARSAW, "FREQ=WEEKLY;BYDAY=TH;COUNT=10");

    assertThat(clash(timed("2026-04-16T10:30", "2026-04-16T11:30", WARSAW, null), weekly))
        .contains("2026-04-16T08:00:00Z");
    assertThat(clash(timed("2026-04-15T10:30", "2026-04-15T11:30", WARSAW, null), weekly))
        .as("a Wednesday")
        .isEmpty();
    assertThat(clash(timed("2026-06-04T10:30", "2026-06-04T11:30", WARSAW, null), weekly))
        .as("after the tenth occurrence")
        .isEmpty();
  }

  @Test
  void seriesOnDifferentDaysDoNotClashAndEveryOtherWeekMeetsEveryWeek() {
    CalendarEvent mondays =
        timed("2026-01-05T10:00", "2026-01-05T11:00", WARSAW, "FREQ=WEEKLY;BYDAY=MO");
    CalendarEvent tuesdays =
        timed("2026-01-06T10:00", "2026-01-06T11:00", WARSAW, "FREQ=WEEKLY;BYDAY=TU");
    CalendarEvent fortnightly =
        timed(
            "2026-02-02T10:30",
            "2026-02-02T12:00",
            WARSAW,
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20261231T000000Z");

    assertThat(clash(mondays, tuesdays)).isEmpty();
    assertThat(clash(tuesdays, fortnightly)).isEmpty();
    assertThat(clash(mondays, fortnightly)).contains("2026-02-02T09:30:00Z");
  }

  @Test
  void anExcludedDateIsFreeAndAMovedOccurrenceHoldsItsNewTime() {
    CalendarEvent weekly =
        timed("2026-03-19T10:00", "2026-03-19T11:00", WARSAW, "FREQ=WEEKLY;BYDAY=TH;COUNT=10");
    weekly.getExcludedStarts().add(LocalDateTime.parse("2026-04-16T10:00"));
    CalendarEvent onTheExcludedDay = timed("2026-04-16T10:00", "2026-04-16T11:00", WARSAW, null);
    assertThat(clash(onTheExcludedDay, weekly)).isEmpty();

    CalendarEvent onTheNextThursday = timed("2026-04-23T10:00", "2026-04-23T11:00", WARSAW, null);
    CalendarEvent movedAway = weekly.overrideOccurrence(LocalDateTime.parse("2026-04-23T10:00"));
    movedAway.setTimes(
        false,
        LocalDateTime.parse("2026-04-24T10:00"),
        LocalDateTime.parse("2026-04-24T11:00"),
        "Europe/Warsaw");
    assertThat(clash(List.of(onTheNextThursday), List.of(weekly))).isPresent();
    assertThat(clash(List.of(onTheNextThursday), List.of(weekly, movedAway))).isEmpty();
    assertThat(
            clash(
                List.of(timed("2026-04-24T10:30", "2026-04-24T11:00", WARSAW, null)),
                List.of(weekly, movedAway)))
        .as("the moved occurrence holds the Friday")
        .contains("2026-04-24T08:00:00Z");
  }

  @Test
  void aSeriesInWarsawMeetsOneInUtcOnlyOnceSummerTimeEnds() {
    // 10:00 in Warsaw is 08:00 UTC in summer and 09:00 UTC in winter.
    CalendarEvent warsaw =
        timed("2026-04-02T10:00", "2026-04-02T11:00", WARSAW, "FREQ=WEEKLY;BYDAY=TH");
    CalendarEvent utcUntilOctober =
        timed(
            "2026-04-02T09:30",
            "2026-04-02T10:00",
            ZoneId.of("UTC"),
            "FREQ=WEEKLY;BYDAY=TH;UNTIL=20261023T000000Z");
    CalendarEvent utcAllYear =
        timed("2026-04-02T09:30", "2026-04-02T10:00", ZoneId.of("UTC"), "FREQ=WEEKLY;BYDAY=TH");

    assertThat(clash(warsaw, utcUntilOctober)).isEmpty();
    assertThat(clash(warsaw, utcAllYear)).contains("2026-10-29T09:30:00Z");
  }

  @Test
  void anAllDayEventHoldsItsDatesInTheResourcesZone() {
    CalendarEvent fair = allDay("2026-06-10", "2026-06-12", null);

    assertThat(clash(fair, timed("2026-06-11T23:30", "2026-06-12T01:00", WARSAW, null)))
        .contains("2026-06-11T21:30:00Z");
    assertThat(clash(fair, timed("2026-06-12T00:00", "2026-06-12T01:00", WARSAW, null))).isEmpty();
    assertThat(clash(fair, timed("2026-06-09T22:00", "2026-06-10T00:00", WARSAW, null))).isEmpty();
    // 23:30 in Kyiv on the 9th is 22:30 in Warsaw: before the fair there.
    assertThat(
            clash(
                fair,
                timed("2026-06-09T23:30", "2026-06-10T00:30", ZoneId.of("Europe/Kyiv"), null)))
        .isEmpty();
    CalendarEvent yearly = allDay("2027-06-11", "2027-06-12", "FREQ=YEARLY");
    assertThat(clash(allDay("2030-06-11", "2030-06-12", null), yearly))
        .contains("2030-06-10T22:00:00Z");
  }

  @Test
  void seriesAreComparedFiveYearsAheadFromWhereBothExistAndFromNow() {
    // Every seventh year from 2026 and every third from 2027 first meet in 2033.
    CalendarEvent septennial =
        timed("2026-06-10T10:00", "2026-06-10T11:00", WARSAW, "FREQ=YEARLY;INTERVAL=7");
    CalendarEvent triennial =
        timed("2027-06-10T10:00", "2027-06-10T11:00", WARSAW, "FREQ=YEARLY;INTERVAL=3");

    assertThat(BookingOverlaps.firstClash(List.of(septennial), List.of(triennial), WARSAW, NOW))
        .as("2033 is more than five years after 2027 and after now")
        .isEmpty();
    assertThat(
            BookingOverlaps.firstClash(
                List.of(septennial),
                List.of(triennial),
                WARSAW,
                Instant.parse("2031-01-01T00:00:00Z")))
        .map(c -> c.theirs().start().toString())
        .contains("2033-06-10T08:00:00Z");
  }

  @Test
  void unendingDailySeriesAtDifferentHoursDoNotClash() {
    CalendarEvent mornings = timed("2020-01-01T08:00", "2020-01-01T09:00", WARSAW, "FREQ=DAILY");
    CalendarEvent evenings = timed("2020-01-01T18:00", "2020-01-01T19:00", WARSAW, "FREQ=DAILY");

    assertThat(clash(mornings, evenings)).isEmpty();
    assertThat(clash(mornings, timed("2029-03-03T08:59", "2029-03-03T09:30", WARSAW, null)))
        .contains("2029-03-03T07:59:00Z");
  }

  @Test
  void occurrencesOfOneEventThatOverlapEachOtherStillClashWithAnother() {
    CalendarEvent a = timed("2026-06-10T08:00", "2026-06-10T18:00", WARSAW, null);
    CalendarEvent b = timed("2026-06-10T09:00", "2026-06-10T10:00", WARSAW, null);
    CalendarEvent c = timed("2026-06-10T12:00", "2026-06-10T13:00", WARSAW, null);
    Instant from = Instant.parse("2026-06-01T00:00:00Z");
    Instant to = Instant.parse("2026-07-01T00:00:00Z");
    List<BookingOverlaps.Slot> mine = BookingOverlaps.slots(List.of(a, b), from, to, WARSAW);
    List<BookingOverlaps.Slot> theirs = BookingOverlaps.slots(List.of(c), from, to, WARSAW);

    Optional<BookingOverlaps.Clash> found = BookingOverlaps.firstClash(mine, theirs);

    assertThat(found).isPresent();
    assertThat(found.get().mine().occurrence().event()).isSameAs(a);
  }

  private static Optional<String> clash(CalendarEvent event, CalendarEvent other) {
    return clash(List.of(event), List.of(other));
  }

  private static Optional<String> clash(List<CalendarEvent> event, List<CalendarEvent> other) {
    return BookingOverlaps.firstClash(event, other, WARSAW, NOW)
        .map(c -> c.theirs().start().toString());
  }

  private static CalendarEvent timed(String start, String end, ZoneId zone, String rule) {
    CalendarEvent event = new CalendarEvent(CALENDAR, "Meeting");
    event.setTimes(false, LocalDateTime.parse(start), LocalDateTime.parse(end), zone.getId());
    event.setRrule(rule == null ? null : Recurrences.normalise(rule, false, zone));
    return event;
  }

  private static CalendarEvent allDay(String first, String dayAfter, String rule) {
    CalendarEvent event = new CalendarEvent(CALENDAR, "Fair");
    event.setTimes(
        true,
        LocalDate.parse(first).atStartOfDay(),
        LocalDate.parse(dayAfter).atStartOfDay(),
        "Europe/Warsaw");
    event.setRrule(rule == null ? null : Recurrences.normalise(rule, true, WARSAW));
    return event;
  }
}
