package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsImport;
import eu.smek.calendar.ical.IcsMethod;
import eu.smek.calendar.ical.IcsPartStat;
import eu.smek.calendar.ical.IcsReader;
import eu.smek.calendar.ical.IcsStatus;
import eu.smek.calendar.ical.IcsWriter;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of invitations that need no server: secrets, their hashes, and what the e-mail says.
 */
class InvitationsTest {

  private static final EventCalendar CALENDAR = new EventCalendar(SpaceRef.NETWORK);
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void secretsAreUnguessableAndOnlyTheirHashIsKept() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = Invitations.newSecret();
      assertThat(secret).matches("[A-Za-z0-9_-]{43}");
      secrets.add(secret);
    }
    assertThat(secrets).hasSize(1000);
    String secret = secrets.iterator().next();
    assertThat(Invitations.hash(secret))
        .matches("[0-9a-f]{64}")
        .isEqualTo(Invitations.hash(secret))
        .isNotEqualTo(Invitations.hash(secret.substring(1)))
        .doesNotContain(secret);
  }

  @Test
  void onlyPlainAddressesGoIntoAnInvitation() {
    assertThat(Invitations.mailable("jana@humenne.sk")).isTrue();
    assertThat(Invitations.mailable("jana@localhost")).isFalse();
    assertThat(Invitations.mailable("jana@humenne.sk\r\nBcc: x@y.z")).isFalse();
    assertThat(Invitations.mailable("\"Jana\" <jana@humenne.sk>")).isFalse();
    assertThat(Invitations.mailable(null)).isFalse();
    assertThat(Invitations.mailable("")).isFalse();
  }

  @Test
  void theInvitationNamesTheRecipientAloneWithTheEventsUidSequenceAndZone() {
    CalendarEvent event = weekly();
    Attendee jana = attendee(event);

    IcsEvent ics = new Invitations().vevent(event, event, jana, List.of(), NOW);
    String written = IcsWriter.write(IcsMethod.REQUEST, List.of(ics));
    IcsImport read =
        new IcsReader()
            .read(written.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/Bratislava"));

    assertThat(written).contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n");
    assertThat(read.method()).isEqualTo(IcsMethod.REQUEST);
    IcsEvent sent = read.events().get(0);
    assertThat(sent.uid()).isEqualTo(event.getUid());
    assertThat(sent.sequence()).isEqualTo(event.getSequence());
    assertThat(sent.start())
        .isEqualTo(ZonedDateTime.of(2027, 3, 29, 10, 0, 0, 0, ZoneId.of("Europe/Warsaw")));
    assertThat(sent.rrule()).isEqualTo("FREQ=WEEKLY;COUNT=5");
    assertThat(sent.summary()).isEqualTo("Posiedzenie");
    assertThat(sent.attendees()).hasSize(1);
    assertThat(sent.attendees().get(0).email()).isEqualTo("jana@humenne.sk");
    assertThat(sent.attendees().get(0).name()).startsWith("Jana Horváthová").doesNotContain("\n");
    assertThat(sent.attendees().get(0).partStat()).isEqualTo(IcsPartStat.NEEDS_ACTION);

    IcsEvent cancelled = ics.cancelled(NOW);
    assertThat(cancelled.uid()).isEqualTo(event.getUid());
    assertThat(cancelled.sequence()).isGreaterThan(event.getSequence());
    assertThat(cancelled.status()).isEqualTo(IcsStatus.CANCELLED);
  }

  @Test
  void aMovedOccurrenceTravelsWithItsSeriesUidAndOriginalStart() {
    CalendarEvent event = weekly();
    Attendee jana = attendee(event);
    CalendarEvent moved = event.overrideOccurrence(LocalDateTime.of(2027, 4, 5, 10, 0));
    moved.setTimes(
        false,
        LocalDateTime.of(2027, 4, 6, 14, 0),
        LocalDateTime.of(2027, 4, 6, 15, 0),
        "Europe/Warsaw");

    Invitations invitations = new Invitations();
    String written =
        IcsWriter.write(
            IcsMethod.REQUEST,
            List.of(
                invitations.vevent(event, event, jana, List.of(), NOW),
                invitations.vevent(event, moved, jana, List.of(), NOW)));
    List<IcsEvent> read =
        new IcsReader()
            .read(written.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/Bratislava"))
            .events();

    assertThat(read).hasSize(2);
    IcsEvent occurrence = read.get(1);
    assertThat(occurrence.uid()).isEqualTo(event.getUid());
    assertThat(occurrence.sequence()).isEqualTo(event.getSequence());
    assertThat(occurrence.rrule()).isNull();
    assertThat(occurrence.recurrenceId())
        .isEqualTo(ZonedDateTime.of(2027, 4, 5, 10, 0, 0, 0, ZoneId.of("Europe/Warsaw")));
    assertThat(occurrence.start())
        .isEqualTo(ZonedDateTime.of(2027, 4, 6, 14, 0, 0, 0, ZoneId.of("Europe/Warsaw")));
  }

  @Test
  void theEmailSaysWhenInTheEventsZoneAndInTheReadersLanguage() {
    CalendarEvent event = weekly();
    assertThat(Invitations.when(event, Locale.forLanguageTag("pl")))
        .contains("2027")
        .contains("10:00")
        .contains("11:30")
        .endsWith("(Europe/Warsaw)");
    CalendarEvent allDay = new CalendarEvent(CALENDAR, "Dni miasta");
    allDay.setTimes(
        true,
        LocalDateTime.parse("2027-05-01T00:00"),
        LocalDateTime.parse("2027-05-04T00:00"),
        "Europe/Warsaw");
    assertThat(Invitations.when(allDay, Locale.ENGLISH)).isEqualTo("May 1, 2027 – May 3, 2027");
  }

  private static CalendarEvent weekly() {
    CalendarEvent event = new CalendarEvent(CALENDAR, "Posiedzenie");
    event.setTimes(
        false,
        LocalDateTime.parse("2027-03-29T10:00"),
        LocalDateTime.parse("2027-03-29T11:30"),
        "Europe/Warsaw");
    event.setRrule("FREQ=WEEKLY;COUNT=5");
    event.changed("anna", NOW);
    event.changed("anna", NOW);
    return event;
  }

  private static Attendee attendee(CalendarEvent event) {
    return new Attendee(
        event,
        7L,
        null,
        "jana@humenne.sk",
        "Jana Horváthová\r\nBcc: x@y.z",
        Language.SK,
        InviteeType.CELL,
        3L,
        "Humenné",
        Invitations.hash(Invitations.newSecret()),
        "anna");
  }
}
