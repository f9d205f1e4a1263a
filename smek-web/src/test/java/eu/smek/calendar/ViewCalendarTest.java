package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.calendar.ViewCalendar.Shown;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Dragging an event as the reader sees it, in their zone, and what that means in the event's. */
class ViewCalendarTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

  private static Shown meeting(String start, String end, String zone) {
    return new Shown(1, 0, null, false, LocalDateTime.parse(start), LocalDateTime.parse(end), zone);
  }

  @Test
  void aWarsawMeetingDraggedByAReaderInKyivMovesByWhatTheReaderSaw() {
    Shown meeting = meeting("2026-12-08T10:00", "2026-12-08T11:00", "Europe/Warsaw");

    // Seen in Kyiv at 11:00, dragged one day on and half an hour later: 11:30 Kyiv is 10:30 Warsaw.
    LocalDateTime moved = ViewCalendar.shift(meeting, meeting.start(), KYIV, WARSAW, 0, 0, 1, 30);

    assertThat(moved).isEqualTo("2026-12-09T10:30");
  }

  @Test
  void aMoveAcrossTheEndOfSummerTimeKeepsTheWallClockTimeTheReaderChose() {
    Shown meeting = meeting("2026-10-23T10:00", "2026-10-23T11:00", "Europe/Warsaw");

    // Friday before the change to Monday after: still 10:00 on the screen and in Warsaw.
    LocalDateTime moved = ViewCalendar.shift(meeting, meeting.start(), WARSAW, WARSAW, 0, 0, 3, 0);

    assertThat(moved).isEqualTo("2026-10-26T10:00");
  }

  @Test
  void anAllDayEventMovesByWholeDaysWhateverTheReadersZone() {
    Shown holiday = meeting("2026-12-24T00:00", "2026-12-27T00:00", "Europe/Bratislava");

    LocalDateTime moved =
        ViewCalendar.shift(
            holiday, holiday.start(), KYIV, ZoneId.of("Europe/Bratislava"), 0, 0, 2, 0);

    assertThat(moved).isEqualTo("2026-12-26T00:00");
  }

  @Test
  void aRepetitionChosenInTheFormBecomesTheRuleOfTheDraft() {
    ViewCalendar.EventForm form = new ViewCalendar.EventForm();
    form.clear();
    form.setTitle("Rada");
    form.setStartDate(java.time.LocalDate.parse("2026-12-08"));
    form.setStartTime(java.time.LocalTime.parse("10:00"));
    form.setEndDate(java.time.LocalDate.parse("2026-12-08"));
    form.setEndTime(java.time.LocalTime.parse("11:30"));
    form.setTimeZone("Europe/Warsaw");
    form.setFrequency(Repetition.Frequency.WEEKLY);
    form.setCount(4);
    form.setCategories(" rada , , sesja ");

    EventDraft draft = form.draft(eu.smek.shared.Language.PL);

    assertThat(draft.rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=TU;COUNT=4");
    assertThat(draft.end()).isEqualTo("2026-12-08T11:30");
    assertThat(draft.categories()).containsExactlyInAnyOrder("rada", "sesja");
  }

  @Test
  void anAllDayEventInTheFormEndsAtTheMidnightAfterItsLastDay() {
    ViewCalendar.EventForm form = new ViewCalendar.EventForm();
    form.clear();
    form.setTitle("Dni miasta");
    form.setAllDay(true);
    form.setStartDate(java.time.LocalDate.parse("2026-06-20"));
    form.setEndDate(java.time.LocalDate.parse("2026-06-21"));
    form.setTimeZone("Europe/Warsaw");

    EventDraft draft = form.draft(eu.smek.shared.Language.PL);

    assertThat(draft.start()).isEqualTo("2026-06-20T00:00");
    assertThat(draft.end()).isEqualTo("2026-06-22T00:00");
    assertThat(draft.rrule()).isNull();
  }
}
