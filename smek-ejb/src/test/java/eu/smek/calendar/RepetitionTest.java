package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.calendar.Repetition.Frequency;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepetitionTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  /** A Tuesday, the second of its month. */
  private static final LocalDateTime START = LocalDateTime.parse("2026-12-08T10:00");

  @Test
  void noRepetitionIsNoRule() {
    assertThat(Repetition.NONE.toRrule(START)).isNull();
    assertThat(Repetition.of(null, START, WARSAW)).contains(Repetition.NONE);
    assertThat(Repetition.of(" ", START, WARSAW)).contains(Repetition.NONE);
  }

  @Test
  void weeklyOnChosenDaysWithAnEndDate() {
    Repetition weekly =
        new Repetition(
            Frequency.WEEKLY,
            2,
            EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.TUESDAY),
            LocalDate.parse("2027-03-31"),
            null);

    String rule = weekly.toRrule(START);

    assertThat(rule).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270331");
    String stored = Recurrences.normalise(rule, false, WARSAW);
    // Stored in UTC (the last moment of that day in Warsaw), read back as the same day.
    assertThat(stored).contains("UNTIL=20270331T");
    assertThat(Repetition.of(stored, START, WARSAW)).contains(weekly);
  }

  @Test
  void weeklyWithoutDaysRepeatsOnTheStartsDay() {
    Repetition weekly = new Repetition(Frequency.WEEKLY, 1, Set.of(), null, 10);

    assertThat(weekly.toRrule(START)).isEqualTo("FREQ=WEEKLY;BYDAY=TU;COUNT=10");
  }

  @Test
  void monthlyByDateAndByWeekday() {
    Repetition byDate = new Repetition(Frequency.MONTHLY_BY_DATE, 1, Set.of(), null, null);
    Repetition byWeekday = new Repetition(Frequency.MONTHLY_BY_WEEKDAY, 1, Set.of(), null, null);

    assertThat(byDate.toRrule(START)).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=8");
    assertThat(byWeekday.toRrule(START)).isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
    assertThat(Repetition.of("FREQ=MONTHLY;BYMONTHDAY=8", START, WARSAW)).contains(byDate);
    assertThat(Repetition.of("FREQ=MONTHLY", START, WARSAW)).contains(byDate);
    assertThat(Repetition.of("FREQ=MONTHLY;BYDAY=2TU", START, WARSAW)).contains(byWeekday);
  }

  @Test
  void theFifthWeekdayOfAMonthIsItsLast() {
    LocalDateTime lastTuesday = LocalDateTime.parse("2026-12-29T10:00");
    Repetition byWeekday = new Repetition(Frequency.MONTHLY_BY_WEEKDAY, 1, Set.of(), null, null);

    assertThat(byWeekday.toRrule(lastTuesday)).isEqualTo("FREQ=MONTHLY;BYDAY=-1TU");
    assertThat(Repetition.of("FREQ=MONTHLY;BYDAY=-1TU", lastTuesday, WARSAW)).contains(byWeekday);
  }

  @Test
  void dailyAndYearlyRoundTripThroughTheStoredForm() {
    for (Repetition repetition :
        new Repetition[] {
          new Repetition(Frequency.DAILY, 3, Set.of(), null, 5),
          new Repetition(Frequency.YEARLY, 1, Set.of(), LocalDate.parse("2030-12-08"), null)
        }) {
      String stored = Recurrences.normalise(repetition.toRrule(START), false, WARSAW);
      assertThat(Repetition.of(stored, START, WARSAW)).contains(repetition);
    }
  }

  @Test
  void anAllDaySeriesKeepsItsUntilDate() {
    Repetition daily =
        new Repetition(Frequency.DAILY, 1, Set.of(), LocalDate.parse("2026-12-31"), null);
    LocalDateTime day = LocalDate.parse("2026-12-08").atStartOfDay();

    String stored = Recurrences.normalise(daily.toRrule(day), true, WARSAW);

    assertThat(stored).isEqualTo("FREQ=DAILY;UNTIL=20261231");
    assertThat(Repetition.of(stored, day, WARSAW)).contains(daily);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=WEEKLY;BYMONTH=3",
        "FREQ=MONTHLY;BYDAY=3TU",
        "FREQ=MONTHLY;BYMONTHDAY=9",
        "FREQ=MONTHLY;BYDAY=MO,TU",
        "FREQ=YEARLY;BYDAY=1MO",
        "FREQ=DAILY;BYDAY=MO",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;INTERVAL=x",
        "INTERVAL=2",
        "FREQ=WEEKLY;FREQ=DAILY",
        "<script>"
      })
  void aRuleTheFormCannotShowIsKeptAsItIs(String rule) {
    assertThat(Repetition.of(rule, START, WARSAW)).isEmpty();
  }
}
