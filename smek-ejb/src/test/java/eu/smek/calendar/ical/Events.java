package eu.smek.calendar.ical;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Events the tests write and read. */
final class Events {

  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  static final ZoneId BRATISLAVA = ZoneId.of("Europe/Bratislava");
  static final Instant STAMP = Instant.parse("2026-11-28T10:00:00Z");
  static final IcsPerson ORGANIZER = new IcsPerson("Anna Nowak", "anna.nowak@przemysl.pl");

  private Events() {}

  static ZonedDateTime warsaw(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, WARSAW);
  }

  /** A telesession with two invited clerks, in Polish. */
  static IcsEvent telesession() {
    return IcsEvent.builder(
            "telesession-42@smek.eu", warsaw(2026, 3, 27, 10, 0), warsaw(2026, 3, 27, 11, 30))
        .sequence(0)
        .stamp(STAMP)
        .summary("Telesesja: współpraca transgraniczna")
        .description("Porządek obrad:\n1. Otwarcie\n2. Uchwały")
        .location("Urząd Miejski w Przemyślu, sala 12")
        .url(URI.create("https://smek.eu/calendar/view-event?id=42"))
        .categories(List.of("Telesesja", "Turystyka"))
        .status(IcsStatus.CONFIRMED)
        .organizer(ORGANIZER)
        .attendees(
            List.of(
                new IcsAttendee(
                    "Ján Novák",
                    "jan.novak@humenne.sk",
                    IcsRole.REQ_PARTICIPANT,
                    IcsPartStat.NEEDS_ACTION,
                    true),
                new IcsAttendee(
                    "Ołena Kowal",
                    "olena.kowal@jaslo.pl",
                    IcsRole.OPT_PARTICIPANT,
                    IcsPartStat.NEEDS_ACTION,
                    true)))
        .build();
  }

  /** Weekly on Monday across the spring DST change, one Monday left out. */
  static IcsEvent weekly() {
    return IcsEvent.builder("weekly-7@smek.eu", warsaw(2026, 3, 9, 9, 0), warsaw(2026, 3, 9, 9, 45))
        .sequence(3)
        .stamp(STAMP)
        .summary("Cotygodniowe spotkanie komórki")
        .rrule("FREQ=WEEKLY;BYDAY=MO;UNTIL=20260629T070000Z")
        .exdates(List.of(warsaw(2026, 4, 6, 9, 0)))
        .organizer(ORGANIZER)
        .build();
  }

  /** One occurrence of {@link #weekly()} moved to the afternoon. */
  static IcsEvent weeklyMoved() {
    return IcsEvent.builder(
            "weekly-7@smek.eu", warsaw(2026, 3, 30, 14, 0), warsaw(2026, 3, 30, 15, 0))
        .sequence(3)
        .stamp(STAMP)
        .summary("Cotygodniowe spotkanie komórki (po południu)")
        .recurrenceId(warsaw(2026, 3, 30, 9, 0))
        .organizer(ORGANIZER)
        .build();
  }

  /** Two days, all day, in Slovak and Ukrainian. */
  static IcsEvent allDay() {
    return IcsEvent.builder(
            "fair-2026@smek.eu", LocalDate.of(2026, 6, 12), LocalDate.of(2026, 6, 14))
        .stamp(STAMP)
        .summary("Veľtrh cestovného ruchu v Humennom / Ярмарок туризму")
        .location("Humenné, námestie")
        .organizer(new IcsPerson("Mesto Humenné", "podatelna@humenne.sk"))
        .build();
  }
}
