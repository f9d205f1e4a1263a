package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smek.shared.Messages;
import eu.smek.shared.SpaceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrencesTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
  private static final EventCalendar CALENDAR = new EventCalendar(SpaceRef.NETWORK);

  // DST

  @Test
  void aWeeklyMeetingStaysAtTenInWarsawAcrossBothDstChanges() {
    CalendarEvent meeting = timed("2026-03-19T10:00", "2026-03-19T11:00", WARSAW, "FREQ=WEEKLY");

    List<Occurrence> spring = expand(meeting, "2026-03-16", "2026-04-06", WARSAW);
    List<Occurrence> autumn = expand(meeting, "2026-10-19", "2026-11-02", WARSAW);

    assertThat(spring)
        .extracting(o -> o.startIn(WARSAW).toLocalTime().toString())
        .containsExactly("10:00", "10:00", "10:00");
    assertThat(spring)
        .extracting(o -> o.start().toInstant().toString())
        .containsExactly("2026-03-19T09:00:00Z", "2026-03-26T09:00:00Z", "2026-04-02T08:00:00Z");
    assertThat(autumn)
        .extracting(o -> o.start().toInstant().toString())
        .containsExactly("2026-10-22T08:00:00Z", "2026-10-29T09:00:00Z");
    assertThat(autumn)
        .extracting(o -> o.endIn(WARSAW).toLocalTime().toString())
        .containsExactly("11:00", "11:00");
  }

  @Test
  void anEventAtHalfPastTwoOnTheSpringChangeMovesForwardByTheGap() {
    CalendarEvent early = timed("2026-03-28T02:30", "2026-03-28T03:00", WARSAW, "FREQ=DAILY");

    List<Occurrence> found = expand(early, "2026-03-28", "2026-03-31", WARSAW);

    // 02:30 does not exist on 29 March in Warsaw: RFC 5545 uses the offset before the gap.
    assertThat(found)
        .extracting(o -> o.start().toInstant().toString())
        .containsExactly("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z");
    assertThat(found.get(1).startIn(WARSAW)).isEqualTo(LocalDateTime.parse("2026-03-29T03:30"));
    assertThat(found.get(1).recurrenceId()).isEqualTo(LocalDateTime.parse("2026-03-29T02:30"));
  }

  @Test
  void anEventAtHalfPastTwoOnTheAutumnChangeHappensOnceAtTheEarlierTime() {
    CalendarEvent early = timed("2026-10-24T02:30", "2026-10-24T03:00", WARSAW, "FREQ=DAILY");

    List<Occurrence> found = expand(early, "2026-10-24", "2026-10-27", WARSAW);

    assertThat(found)
        .extracting(o -> o.start().toInstant().toString())
        .containsExactly("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
  }

  @Test
  void aSingleEventOnTheSpringChangeDayLastsItsWallClockLength() {
    CalendarEvent single = timed("2026-03-29T01:00", "2026-03-29T04:00", WARSAW, null);

    Occurrence found = expand(single, "2026-03-29", "2026-03-30", WARSAW).get(0);

    assertThat(Duration.between(found.start(), found.end())).isEqualTo(Duration.ofHours(2));
  }

  // Rules

  @Test
  void aYearlyEventOnTheTwentyNinthOfFebruaryHappensInLeapYearsOnly() {
    CalendarEvent birthday = allDay("2024-02-29", "2024-03-01", "FREQ=YEARLY");

    List<Occurrence> found = expand(birthday, "2024-01-01", "2033-01-01", WARSAW);

    assertThat(found)
        .extracting(o -> o.startDate().toString())
        .containsExactly("2024-02-29", "2028-02-29", "2032-02-29");
  }

  @Test
  void aMonthlyRuleByWeekdayFindsTheLastFriday() {
    CalendarEvent board =
        timed("2026-01-30T09:00", "2026-01-30T10:00", WARSAW, "FREQ=MONTHLY;BYDAY=-1FR");

    List<Occurrence> found = expand(board, "2026-01-01", "2026-06-01", WARSAW);

    assertThat(found)
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29");
  }

  @Test
  void aMonthlyRuleByDateSkipsMonthsWithoutThatDay() {
    CalendarEvent report = timed("2026-01-31T09:00", "2026-01-31T10:00", WARSAW, "FREQ=MONTHLY");

    List<Occurrence> found = expand(report, "2026-01-01", "2026-06-01", WARSAW);

    assertThat(found)
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-01-31", "2026-03-31", "2026-05-31");
  }

  @Test
  void aWeeklyRuleOnChosenDays() {
    CalendarEvent course =
        timed("2026-05-04T16:00", "2026-05-04T17:30", WARSAW, "FREQ=WEEKLY;BYDAY=MO,WE,FR");

    List<Occurrence> found = expand(course, "2026-05-04", "2026-05-11", WARSAW);

    assertThat(found)
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-05-04", "2026-05-06", "2026-05-08");
  }

  @Test
  void untilInUtcIncludesTheOccurrenceAtThatInstant() {
    String rule = Recurrences.normalise("FREQ=WEEKLY;UNTIL=20260410T080000Z", false, WARSAW);
    CalendarEvent meeting = timed("2026-03-20T10:00", "2026-03-20T11:00", WARSAW, rule);

    List<Occurrence> found = expand(meeting, "2026-03-01", "2026-06-01", WARSAW);

    assertThat(found)
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-03-20", "2026-03-27", "2026-04-03", "2026-04-10");
    assertThat(Recurrences.lastStart(meeting)).contains(LocalDateTime.parse("2026-04-10T10:00"));
  }

  @Test
  void aDailySeriesForAHundredYearsIsBoundedByItsUntil() {
    String rule = Recurrences.normalise("FREQ=DAILY;UNTIL=21260101T000000Z", false, WARSAW);
    CalendarEvent daily = timed("2026-01-01T10:00", "2026-01-01T11:00", WARSAW, rule);

    assertThat(Recurrences.lastStart(daily)).contains(LocalDateTime.parse("2126-01-01T01:00"));
    assertThat(expand(daily, "2125-12-01", "2126-01-05", WARSAW)).hasSize(31);
  }

  @Test
  void aDateUntilOnATimedEventIncludesThatDayAndIsStoredInUtc() {
    String rule = Recurrences.normalise("rrule:freq=weekly;until=20260410", false, WARSAW);

    assertThat(rule).isEqualTo("FREQ=WEEKLY;UNTIL=20260410T215959Z");
    assertThat(
            expand(
                timed("2026-03-20T10:00", "2026-03-20T11:00", WARSAW, rule),
                "2026-03-01",
                "2026-06-01",
                WARSAW))
        .hasSize(4);
  }

  @Test
  void countLimitsTheOccurrencesWhateverTheRange() {
    CalendarEvent meeting =
        timed("2026-03-20T10:00", "2026-03-20T11:00", WARSAW, "FREQ=DAILY;COUNT=3");

    assertThat(expand(meeting, "2026-03-01", "2027-03-01", WARSAW))
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-03-20", "2026-03-21", "2026-03-22");
    assertThat(expand(meeting, "2026-03-22", "2026-03-25", WARSAW)).hasSize(1);
    assertThat(Recurrences.lastStart(meeting)).contains(LocalDateTime.parse("2026-03-22T10:00"));
  }

  @Test
  void aStartTheRuleDoesNotProduceIsTheFirstOfTheCount() {
    // RFC 5545 3.3.10: DTSTART always counts as the first occurrence; a Tuesday start of a
    // Monday rule with COUNT=3 gives that Tuesday and two Mondays.
    CalendarEvent meeting =
        timed("2027-01-05T10:00", "2027-01-05T11:00", WARSAW, "FREQ=WEEKLY;BYDAY=MO;COUNT=3");

    assertThat(expand(meeting, "2027-01-01", "2027-03-01", WARSAW))
        .extracting(o -> o.startDate().toString())
        .containsExactly("2027-01-05", "2027-01-11", "2027-01-18");
    assertThat(Recurrences.lastStart(meeting)).contains(LocalDateTime.parse("2027-01-18T10:00"));
  }

  @Test
  void aSeriesWithoutEndHasNoLastStart() {
    CalendarEvent meeting = timed("2026-03-20T10:00", "2026-03-20T11:00", WARSAW, "FREQ=WEEKLY");

    assertThat(Recurrences.lastStart(meeting)).isEmpty();
  }

  @Test
  void excludedDatesAreLeftOut() {
    CalendarEvent meeting = timed("2026-03-19T10:00", "2026-03-19T11:00", WARSAW, "FREQ=WEEKLY");
    meeting.getExcludedStarts().add(LocalDateTime.parse("2026-03-26T10:00"));

    assertThat(expand(meeting, "2026-03-16", "2026-04-06", WARSAW))
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-03-19", "2026-04-02");
  }

  @Test
  void anOverriddenOccurrenceMovedToAnotherDayReplacesTheOriginal() {
    CalendarEvent meeting = timed("2026-03-16T10:00", "2026-03-16T11:00", WARSAW, "FREQ=WEEKLY");
    CalendarEvent moved = meeting.overrideOccurrence(LocalDateTime.parse("2026-03-23T10:00"));
    moved.setTimes(
        false,
        LocalDateTime.parse("2026-03-25T14:00"),
        LocalDateTime.parse("2026-03-25T15:00"),
        "Europe/Warsaw");
    moved.setTitle("Moved to Wednesday");

    List<Occurrence> found = expand(List.of(meeting, moved), "2026-03-16", "2026-03-31", WARSAW);

    assertThat(found)
        .extracting(o -> o.startIn(WARSAW).toString())
        .containsExactly("2026-03-16T10:00", "2026-03-25T14:00", "2026-03-30T10:00");
    assertThat(found.get(1).event().getTitle()).isEqualTo("Moved to Wednesday");
    assertThat(found.get(1).recurrenceId()).isEqualTo(LocalDateTime.parse("2026-03-23T10:00"));
    assertThat(found.get(1).event().getUid()).isEqualTo(meeting.getUid());
  }

  @Test
  void anOccurrenceMovedOutOfTheRangeIsNotShownTwice() {
    CalendarEvent meeting = timed("2026-03-16T10:00", "2026-03-16T11:00", WARSAW, "FREQ=WEEKLY");
    CalendarEvent moved = meeting.overrideOccurrence(LocalDateTime.parse("2026-03-23T10:00"));
    moved.setTimes(
        false,
        LocalDateTime.parse("2026-04-15T14:00"),
        LocalDateTime.parse("2026-04-15T15:00"),
        "Europe/Warsaw");

    assertThat(expand(List.of(meeting, moved), "2026-03-20", "2026-03-27", WARSAW)).isEmpty();
  }

  // All-day events and zones

  @Test
  void anAllDayEventShowsOnTheSameDatesInEveryZone() {
    CalendarEvent holiday = allDay("2026-05-01", "2026-05-04", null);

    for (String zone :
        List.of(
            "Europe/Warsaw",
            "Europe/Bratislava",
            "Europe/Kyiv",
            "Europe/Budapest",
            "Europe/Bucharest")) {
      List<Occurrence> found = expand(holiday, "2026-05-03", "2026-05-04", ZoneId.of(zone));
      assertThat(found).as(zone).hasSize(1);
      assertThat(found.get(0).startIn(ZoneId.of(zone))).isEqualTo("2026-05-01T00:00");
      assertThat(found.get(0).lastDate()).isEqualTo(LocalDate.parse("2026-05-03"));
    }
    assertThat(expand(holiday, "2026-05-04", "2026-05-05", KYIV)).isEmpty();
    assertThat(expand(holiday, "2026-04-30", "2026-05-01", KYIV)).isEmpty();
  }

  @Test
  void aRecurringAllDayEventRecursByDate() {
    CalendarEvent day = allDay("2026-01-01", "2026-01-02", "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=4");

    assertThat(expand(day, "2026-01-01", "2027-01-01", KYIV))
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01");
  }

  @Test
  void aTimedEventIsShownInTheReadersZone() {
    CalendarEvent meeting = timed("2026-06-10T10:00", "2026-06-10T11:00", WARSAW, null);

    Occurrence found = expand(meeting, "2026-06-10", "2026-06-11", WARSAW).get(0);

    assertThat(found.startIn(ZoneId.of("Europe/Warsaw"))).isEqualTo("2026-06-10T10:00");
    assertThat(found.startIn(ZoneId.of("Europe/Bratislava"))).isEqualTo("2026-06-10T10:00");
    assertThat(found.startIn(ZoneId.of("Europe/Budapest"))).isEqualTo("2026-06-10T10:00");
    assertThat(found.startIn(ZoneId.of("Europe/Kyiv"))).isEqualTo("2026-06-10T11:00");
    assertThat(found.startIn(ZoneId.of("Europe/Bucharest"))).isEqualTo("2026-06-10T11:00");
  }

  @Test
  void aRangeInAnotherZoneFindsTheEventsOfItsOwnDay() {
    // 23:30 in Warsaw is already the next day in Kyiv.
    CalendarEvent late = timed("2026-06-10T23:30", "2026-06-10T23:45", WARSAW, null);

    assertThat(expand(late, "2026-06-10", "2026-06-11", WARSAW)).hasSize(1);
    assertThat(expand(late, "2026-06-10", "2026-06-11", KYIV)).isEmpty();
    assertThat(expand(late, "2026-06-11", "2026-06-12", KYIV)).hasSize(1);
  }

  // Splitting a series

  @Test
  void aSeriesEndedBeforeAnOccurrenceStopsJustBeforeIt() {
    CalendarEvent meeting = timed("2026-03-19T10:00", "2026-03-19T11:00", WARSAW, "FREQ=WEEKLY");
    meeting.setRrule(
        Recurrences.endingBefore(
            "FREQ=WEEKLY;COUNT=10", LocalDateTime.parse("2026-04-02T10:00"), false, WARSAW));

    assertThat(meeting.getRrule()).isEqualTo("FREQ=WEEKLY;UNTIL=20260402T075959Z");
    assertThat(expand(meeting, "2026-03-01", "2026-06-01", WARSAW))
        .extracting(o -> o.startDate().toString())
        .containsExactly("2026-03-19", "2026-03-26");
    assertThat(Recurrences.withCount("FREQ=WEEKLY;COUNT=10", 8)).isEqualTo("FREQ=WEEKLY;COUNT=8");
    assertThat(Recurrences.countOf("FREQ=WEEKLY;COUNT=10")).isEqualTo(10);
  }

  @Test
  void anOccurrenceIsFoundByItsOwnStartAndNothingElse() {
    CalendarEvent meeting =
        timed("2001-01-04T10:00", "2001-01-04T11:00", WARSAW, "FREQ=WEEKLY;INTERVAL=2");
    LocalDateTime real = LocalDateTime.parse("2026-01-01T10:00");
    LocalDateTime between = LocalDateTime.parse("2026-01-08T10:00");

    assertThat(Recurrences.startsBetween(meeting, real, real)).containsExactly(real);
    assertThat(Recurrences.startsBetween(meeting, between, between)).isEmpty();
    assertThat(Recurrences.startsBetween(meeting, meeting.getStart(), meeting.getStart()))
        .containsExactly(meeting.getStart());
  }

  // Abuse

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "FREQ=HOURLY",
        "FREQ=MINUTELY;COUNT=5",
        "FREQ=SECONDLY",
        "FREQ=DAILY;BYHOUR=1,2,3",
        "FREQ=DAILY;BYMINUTE=0,1,2",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;INTERVAL=-3",
        "FREQ=DAILY;COUNT=0",
        "FREQ=DAILY;COUNT=100000",
        "FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=DAILY;UNTIL=tomorrow",
        "FREQ=DAILY;X-EVIL=1",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=DAILY;;COUNT=2",
        "FREQ=DAILY;<script>alert(1)</script>",
        "FREQ=DAILY'; DROP TABLE calendar_event; --",
        "FREQ=DAILY;COUNT=99999999999999999999"
      })
  void invalidOrHostileRulesAreRefusedWithATranslatedMessage(String rule) {
    assertThatThrownBy(() -> Recurrences.normalise(rule, false, WARSAW))
        .isInstanceOfSatisfying(
            InvalidRecurrenceException.class,
            refused -> {
              for (String language : List.of("en", "pl", "sk")) {
                assertThat(
                        Messages.format(
                            Locale.forLanguageTag(language),
                            refused.getMessageKey(),
                            refused.getArguments()))
                    .isNotBlank()
                    .doesNotContain("{0}");
              }
            });
  }

  @Test
  void anOverlongRuleIsRefused() {
    assertThatThrownBy(
            () ->
                Recurrences.normalise(
                    "FREQ=WEEKLY;BYDAY=" + "MO,".repeat(200) + "TU", false, WARSAW))
        .isInstanceOf(InvalidRecurrenceException.class);
  }

  @Test
  void aBlankRuleIsNoRecurrence() {
    assertThat(Recurrences.normalise("  ", false, WARSAW)).isNull();
    assertThat(Recurrences.normalise(null, true, WARSAW)).isNull();
  }

  @Test
  void tooManyOccurrencesInOneRequestAreRefused() {
    List<CalendarEvent> many = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      many.add(timed("2026-01-01T08:00", "2026-01-01T09:00", WARSAW, "FREQ=DAILY"));
    }

    assertThat(expand(many, "2026-01-01", "2026-12-31", WARSAW)).hasSize(13 * 364);
    many.add(timed("2026-01-01T08:00", "2026-01-01T09:00", WARSAW, "FREQ=DAILY"));
    assertThatThrownBy(() -> expand(many, "2026-01-01", "2027-01-01", WARSAW))
        .isInstanceOf(TooManyOccurrencesException.class);
  }

  @Test
  void aRuleThatNeverMatchesEndsQuicklyWithTheStartOnly() {
    CalendarEvent never =
        timed(
            "2026-01-01T08:00",
            "2026-01-01T09:00",
            WARSAW,
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5");
    long started = System.nanoTime();

    assertThat(expand(never, "2026-01-01", "2027-01-01", WARSAW)).hasSize(1);
    assertThat(Recurrences.lastStart(never)).contains(LocalDateTime.parse("2026-01-01T08:00"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLongRunningSeriesGivesTheSameOccurrencesAsIcal4jFromItsStart() {
    for (String rule :
        List.of("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,TH", "FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY")) {
      CalendarEvent old = timed("2001-01-03T10:00", "2001-01-03T11:00", WARSAW, rule);
      List<LocalDateTime> walked =
          new Recur<LocalDateTime>(rule)
              .getDates(
                  LocalDateTime.parse("2001-01-03T10:00"),
                  LocalDateTime.parse("2026-01-07T00:00"),
                  LocalDateTime.parse("2026-03-01T00:00"));

      assertThat(expand(old, "2026-01-07", "2026-03-01", WARSAW))
          .as(rule)
          .extracting(o -> o.startIn(WARSAW))
          .isNotEmpty()
          .containsExactlyElementsOf(walked);
    }
  }

  // Helpers

  @Test
  void cachedStartsOfAnEndingSeriesAreWhatTheRuleGivesInEveryWindow() {
    List<CalendarEvent> series =
        List.of(
            timed(
                "2027-03-02T10:00", "2027-03-02T11:30", WARSAW, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=30"),
            // The rule does not give DTSTART (a Monday), which is still the first of the COUNT.
            timed("2027-03-01T09:00", "2027-03-01T10:00", WARSAW, "FREQ=WEEKLY;BYDAY=WE;COUNT=5"),
            // Across both DST changes of 2027, and 02:30 on the day that skips it.
            timed(
                "2027-03-20T02:30",
                "2027-03-20T03:00",
                WARSAW,
                "FREQ=DAILY;UNTIL=20271105T000000Z"),
            timed("2027-01-29T18:00", "2027-01-29T19:00", KYIV, "FREQ=MONTHLY;BYDAY=-1FR;COUNT=14"),
            timed("2028-02-29T12:00", "2028-02-29T13:00", WARSAW, "FREQ=YEARLY;COUNT=3"),
            allDay("2027-05-03", "2027-05-04", "FREQ=MONTHLY;BYMONTHDAY=3;UNTIL=20281231"));
    for (CalendarEvent event : series) {
      event.setRrule(Recurrences.normalise(event.getRrule(), event.isAllDay(), event.zone()));
      List<LocalDateTime> all =
          Recurrences.startsBetween(
              event, event.getStart(), LocalDateTime.parse("2040-01-01T00:00"));
      assertThat(all).as(event.getRrule()).hasSizeGreaterThan(2);
      // Windows that begin and end on a start, just before or after it, and far off.
      List<LocalDateTime> bounds = new ArrayList<>();
      bounds.add(event.getStart().minusYears(1));
      bounds.add(all.get(all.size() - 1).plusYears(1));
      for (LocalDateTime start : all) {
        bounds.add(start);
        bounds.add(start.minusMinutes(1));
        bounds.add(start.plusMinutes(1));
      }
      for (int i = 0; i < bounds.size(); i += 3) {
        for (int j = 0; j < bounds.size(); j += 2) {
          LocalDateTime first = bounds.get(i);
          LocalDateTime last = bounds.get(j);
          if (!last.isBefore(first)) {
            assertThat(Recurrences.startsIn(event, first, last))
                .as(event.getRrule() + " from " + first + " to " + last)
                .isEqualTo(Recurrences.startsBetween(event, first, last));
          }
        }
      }
      // UNTIL bounds the last start by itself; a COUNT's last start is the last one.
      LocalDateTime lastStart = Recurrences.lastStart(event).orElseThrow();
      if (event.getRrule().contains("COUNT=")) {
        assertThat(lastStart).isEqualTo(all.get(all.size() - 1));
      } else {
        assertThat(lastStart).isAfterOrEqualTo(all.get(all.size() - 1));
      }
    }
  }

  private static CalendarEvent timed(String start, String end, ZoneId zone, String rule) {
    CalendarEvent event = new CalendarEvent(CALENDAR, "Meeting");
    event.setTimes(false, LocalDateTime.parse(start), LocalDateTime.parse(end), zone.getId());
    event.setRrule(rule);
    return event;
  }

  private static CalendarEvent allDay(String first, String dayAfter, String rule) {
    CalendarEvent event = new CalendarEvent(CALENDAR, "Holiday");
    event.setTimes(
        true,
        LocalDate.parse(first).atStartOfDay(),
        LocalDate.parse(dayAfter).atStartOfDay(),
        "Europe/Warsaw");
    event.setRrule(rule);
    return event;
  }

  private static List<Occurrence> expand(CalendarEvent event, String from, String to, ZoneId zone) {
    return expand(List.of(event), from, to, zone);
  }

  private static List<Occurrence> expand(
      List<CalendarEvent> events, String from, String to, ZoneId zone) {
    Instant start = LocalDate.parse(from).atStartOfDay(zone).toInstant();
    Instant end = LocalDate.parse(to).atStartOfDay(zone).toInstant();
    return Recurrences.expand(events, start, end, zone);
  }
}
