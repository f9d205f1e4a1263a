package eu.smek.calendar.ical;

import static eu.smek.calendar.ical.Events.WARSAW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcsReaderTest {

  private static final ZoneId BRATISLAVA = ZoneId.of("Europe/Bratislava");

  @Test
  void readsOutlooksMeetingWithItsWindowsZone() {
    IcsImport read = Ics.resource("outlook.ics");

    assertThat(read.method()).isEqualTo(IcsMethod.REQUEST);
    assertThat(read.events()).hasSize(2);
    IcsEvent event = read.events().get(0);
    assertThat(event.summary()).isEqualTo("Szlak rowerowy Przemyśl – Humenné");
    assertThat(event.start()).isEqualTo(ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, WARSAW));
    assertThat(event.end()).isEqualTo(ZonedDateTime.of(2026, 12, 3, 11, 30, 0, 0, WARSAW));
    assertThat(event.description())
        .isEqualTo(
            "Dzień dobry,\n\nzapraszam na spotkanie robocze w sprawie szlaku rowerowego.\n\nAnna\n");
    assertThat(event.uid()).startsWith("040000008200E00074C5B7101A82E008").hasSize(112);
    assertThat(event.sequence()).isEqualTo(1);
    assertThat(event.stamp()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
    assertThat(event.organizer()).isEqualTo(new IcsPerson("Nowak Anna", "anna.nowak@przemysl.pl"));
    assertThat(event.attendees())
        .containsExactly(
            new IcsAttendee(
                "Novák Ján",
                "jan.novak@humenne.sk",
                IcsRole.REQ_PARTICIPANT,
                IcsPartStat.NEEDS_ACTION,
                true),
            new IcsAttendee(
                "olena.kowal@jaslo.pl",
                "olena.kowal@jaslo.pl",
                IcsRole.OPT_PARTICIPANT,
                IcsPartStat.NEEDS_ACTION,
                true));
    assertThat(read.notices())
        .containsExactly(
            IcsNotice.of(
                "calendar.ical.zoneMapped", "Central European Standard Time", "Europe/Warsaw"),
            IcsNotice.of("calendar.ical.leftOut", event.summary(), "VALARM"));

    // Outlook's all-day event, written as midnight to midnight, is a day.
    IcsEvent holiday = read.events().get(1);
    assertThat(holiday.allDay()).isTrue();
    assertThat(holiday.start()).isEqualTo(LocalDate.of(2026, 11, 11));
    assertThat(holiday.end()).isEqualTo(LocalDate.of(2026, 11, 12));
  }

  @Test
  void readsGooglesExportWithItsSeriesMovedOccurrenceUtcTimesAndAllDayEvent() {
    IcsImport read = Ics.resource("google.ics");

    assertThat(read.method()).isEqualTo(IcsMethod.PUBLISH);
    assertThat(read.events()).hasSize(4);
    IcsEvent series = read.events().get(0);
    assertThat(series.start()).isEqualTo(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, BRATISLAVA));
    assertThat(series.rrule()).isEqualTo("FREQ=WEEKLY;WKST=MO;UNTIL=20260427T065959Z;BYDAY=MO");
    assertThat(series.exdates())
        .containsExactly(ZonedDateTime.of(2026, 4, 6, 9, 0, 0, 0, BRATISLAVA));
    assertThat(series.status()).isEqualTo(IcsStatus.CONFIRMED);

    IcsEvent moved = read.events().get(1);
    assertThat(moved.uid()).isEqualTo(series.uid());
    assertThat(moved.recurrenceId())
        .isEqualTo(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, BRATISLAVA));
    assertThat(moved.start()).isEqualTo(ZonedDateTime.of(2026, 3, 16, 13, 0, 0, 0, BRATISLAVA));

    // UTC times are shown in the calendar's zone (X-WR-TIMEZONE), at the same instant.
    IcsEvent telesession = read.events().get(2);
    assertThat(telesession.start())
        .isEqualTo(ZonedDateTime.of(2026, 5, 20, 10, 0, 0, 0, BRATISLAVA));
    assertThat(telesession.attendees())
        .extracting(IcsAttendee::email, IcsAttendee::partStat)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("snina.smek@gmail.com", IcsPartStat.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("jan.novak@humenne.sk", IcsPartStat.TENTATIVE));
    assertThat(telesession.attendees().get(0).name()).isEqualTo("Mesto Snina");

    IcsEvent fair = read.events().get(3);
    assertThat(fair.allDay()).isTrue();
    assertThat(fair.start()).isEqualTo(LocalDate.of(2026, 6, 12));
    assertThat(fair.end()).isEqualTo(LocalDate.of(2026, 6, 14));
    assertThat(read.notices()).isEmpty();
  }

  @Test
  void readsThunderbirdsExportAndSaysWhatItLeavesOut() {
    IcsImport read = Ics.resource("thunderbird.ics");

    assertThat(read.method()).isNull();
    assertThat(read.events()).hasSize(3);
    IcsEvent kyiv = read.events().get(0);
    assertThat(kyiv.summary()).isEqualTo("Зустріч із партнерами з Ужгорода");
    assertThat(((ZonedDateTime) kyiv.start()).toLocalDateTime())
        .isEqualTo(java.time.LocalDateTime.of(2026, 11, 5, 15, 0));
    assertThat(((ZonedDateTime) kyiv.start()).toInstant())
        .isEqualTo(Instant.parse("2026-11-05T13:00:00Z"));
    assertThat(kyiv.categories()).containsExactlyInAnyOrder("Spolupráca", "Turystyka");

    IcsEvent jaslo = read.events().get(1);
    assertThat(jaslo.zone()).isEqualTo(WARSAW);
    assertThat(jaslo.start()).isEqualTo(ZonedDateTime.of(2026, 11, 10, 9, 30, 0, 0, WARSAW));

    assertThat(read.events().get(2).start()).isEqualTo(LocalDate.of(2026, 11, 11));
    assertThat(read.notices())
        .contains(
            IcsNotice.of("calendar.ical.leftOut", kyiv.summary(), "VALARM"),
            IcsNotice.of(
                "calendar.ical.zoneMapped",
                "/mozilla.org/20050126_1/Europe/Warsaw",
                "Europe/Warsaw"),
            IcsNotice.of("calendar.ical.skipped.component", "VTODO"));
  }

  @Test
  void whatSmekWritesReadsBackEqual() {
    List<IcsEvent> invitation = List.of(Events.telesession());
    assertThat(Ics.read(IcsWriter.write(IcsMethod.REQUEST, invitation)).events())
        .isEqualTo(invitation);

    // A feed: a series with a left-out Monday, its moved occurrence, and an all-day event; a
    // PUBLISH carries no attendees.
    List<IcsEvent> feed = List.of(Events.weekly(), Events.weeklyMoved(), Events.allDay());
    IcsImport read = Ics.read(IcsWriter.write(IcsMethod.PUBLISH, "SMEK", feed));
    assertThat(read.events()).isEqualTo(feed);
    assertThat(read.notices()).isEmpty();
  }

  @Test
  void anEmptyFeedIsWrittenAndReadAsNoEvents() {
    String empty = IcsWriter.write(IcsMethod.PUBLISH, "Gmina Lesko", List.of());

    assertThat(empty).contains("METHOD:PUBLISH\r\n").contains("X-WR-CALNAME:Gmina Lesko\r\n");
    IcsImport read = Ics.read(empty);
    assertThat(read.events()).isEmpty();
    assertThat(read.notices()).isEmpty();
  }

  @Test
  void textWithEveryKindOfSpecialCharacterReadsBackEqual() {
    IcsEvent event =
        Events.telesession().toBuilder()
            .summary("Ярмарок, ďakujem; zażółć \\ \"cytat\" 🙂 " + "ę".repeat(80))
            .description("Punkt 1, punkt 2;\nnowa linia \\n nie jest znakiem\n\n" + "🙂".repeat(60))
            .location("Humenné; Námestie slobody 1, 066 01")
            .categories(List.of("Współpraca, turystyka", "Spolupráca; cestovný ruch"))
            .url(URI.create("https://smek.eu/calendar/view-event?id=42&lang=sk"))
            .build();

    List<IcsEvent> read = Ics.read(IcsWriter.write(IcsMethod.REQUEST, List.of(event))).events();

    assertThat(read).containsExactly(event);
  }

  @Test
  void foldingNeverSplitsACharacterOutsideTheBasicPlane() {
    // Wherever a fold falls, an emoji (two UTF-16 chars) must come back whole from the UTF-8 file.
    for (int shift = 0; shift < 4; shift++) {
      IcsEvent event =
          Events.telesession().toBuilder().summary("x".repeat(shift) + "🙂".repeat(100)).build();
      String text = IcsWriter.write(IcsMethod.REQUEST, List.of(event));
      assertThat(text).doesNotContainPattern("\\p{InHighSurrogates}\r\n");
      assertThat(Ics.read(text).events()).as("shifted by %d", shift).containsExactly(event);
    }
  }

  @Test
  void aCancellationReadsBackWithItsHigherSequence() {
    IcsEvent cancel = Events.telesession().cancelled(Instant.parse("2026-12-01T08:00:00Z"));
    List<IcsEvent> read = Ics.read(IcsWriter.write(IcsMethod.CANCEL, List.of(cancel))).events();

    assertThat(read).containsExactly(cancel);
    assertThat(read.get(0).sequence()).isEqualTo(1);
    assertThat(read.get(0).status()).isEqualTo(IcsStatus.CANCELLED);
  }

  @Test
  void floatingTimesAreTakenInTheCalendarsZoneOrElseTheUsers() {
    String floating =
        """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//EN
        BEGIN:VEVENT
        UID:floating@test
        DTSTAMP:20261101T000000Z
        DTSTART:20261110T093000
        DTEND:20261110T110000
        SUMMARY:Bez strefy
        END:VEVENT
        END:VCALENDAR
        """;
    IcsImport read = Ics.read(floating);

    assertThat(read.events().get(0).start())
        .isEqualTo(ZonedDateTime.of(2026, 11, 10, 9, 30, 0, 0, WARSAW));
    assertThat(read.notices())
        .containsExactly(IcsNotice.of("calendar.ical.floating", "Bez strefy", "Europe/Warsaw"));

    IcsImport inBratislava =
        Ics.read(floating.replace("VERSION:2.0", "VERSION:2.0\nX-WR-TIMEZONE:Europe/Bratislava"));
    assertThat(inBratislava.events().get(0).zone()).isEqualTo(BRATISLAVA);
  }

  @Test
  void eventsWithoutStartOrWithAnUnknownZoneAreSkippedAndNamed() {
    IcsImport read =
        Ics.read(
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Test//EN
            BEGIN:VEVENT
            UID:no-start@test
            DTSTAMP:20261101T000000Z
            SUMMARY:Bez początku
            END:VEVENT
            BEGIN:VEVENT
            UID:mars@test
            DTSTAMP:20261101T000000Z
            DTSTART;TZID=Mars/Olympus_Mons:20261110T093000
            DTEND;TZID=Mars/Olympus_Mons:20261110T110000
            SUMMARY:Na Marsie
            END:VEVENT
            BEGIN:VEVENT
            UID:backwards@test
            DTSTAMP:20261101T000000Z
            DTSTART;TZID=Europe/Warsaw:20261110T110000
            DTEND;TZID=Europe/Warsaw:20261110T093000
            SUMMARY:Wstecz
            END:VEVENT
            BEGIN:VEVENT
            UID:fine@test
            DTSTAMP:20261101T000000Z
            DTSTART;TZID=Europe/Warsaw:20261110T093000
            DURATION:PT90M
            SUMMARY:W porządku
            END:VEVENT
            BEGIN:VJOURNAL
            UID:journal@test
            DTSTAMP:20261101T000000Z
            END:VJOURNAL
            END:VCALENDAR
            """);

    assertThat(read.events()).extracting(IcsEvent::uid).containsExactly("fine@test");
    assertThat(read.events().get(0).end())
        .isEqualTo(ZonedDateTime.of(2026, 11, 10, 11, 0, 0, 0, WARSAW));
    assertThat(read.notices())
        .containsExactly(
            IcsNotice.of("calendar.ical.skipped.noStart", "Bez początku"),
            IcsNotice.of("calendar.ical.skipped.unknownZone", "Na Marsie", "Mars/Olympus_Mons"),
            IcsNotice.of("calendar.ical.skipped.endBeforeStart", "Wstecz"),
            IcsNotice.of("calendar.ical.skipped.component", "VJOURNAL"));
  }

  @Test
  void aScriptInATitleStaysText() {
    IcsImport read =
        Ics.read(
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Test//EN
            BEGIN:VEVENT
            UID:xss@test
            DTSTAMP:20261101T000000Z
            DTSTART;VALUE=DATE:20261110
            SUMMARY:<script>alert('x')</script>
            URL:javascript:alert(1)
            ORGANIZER;CN=Evil:mailto:evil@example.org%0d%0aBcc:x@y.z
            ATTENDEE:mailto:"a@b.c"\\r\\nBcc: x@y.z
            END:VEVENT
            END:VCALENDAR
            """);

    IcsEvent event = read.events().get(0);
    assertThat(event.summary()).isEqualTo("<script>alert('x')</script>");
    assertThat(event.url()).isNull();
    assertThat(event.organizer()).isNull();
    assertThat(event.attendees()).isEmpty();
    assertThat(event.end()).isEqualTo(LocalDate.of(2026, 11, 11));
    assertThat(read.notices())
        .extracting(IcsNotice::messageKey)
        .containsExactly(
            "calendar.ical.leftOut", "calendar.ical.badAddress", "calendar.ical.badAddress");
  }
}
