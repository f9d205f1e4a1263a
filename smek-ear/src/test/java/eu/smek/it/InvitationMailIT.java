package eu.smek.it;

import static eu.smek.it.TestCalendars.calendarOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.EditScope;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.Invitee;
import eu.smek.calendar.InviteeType;
import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsImport;
import eu.smek.calendar.ical.IcsMethod;
import eu.smek.calendar.ical.IcsPartStat;
import eu.smek.calendar.ical.IcsReader;
import eu.smek.calendar.ical.IcsStatus;
import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invitation e-mails as the test mail server (GreenMail) receives them: multipart/alternative
 * with a text/calendar part whose method matches the METHOD inside, valid iCalendar with the
 * event's UID, its SEQUENCE and the zone's VTIMEZONE; a change comes with a higher SEQUENCE and a
 * deletion as METHOD:CANCEL, both under the same UID.
 */
@ExtendWith(ArquillianExtension.class)
class InvitationMailIT extends InContainerTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  @EJB(lookup = "java:global/smek/smek-ejb/CalendarService")
  private CalendarService calendars;

  /** One received iMIP message, taken apart. */
  private record Received(
      String contentType, String text, String calendarContentType, String calendar) {

    IcsImport parsed() {
      return new IcsReader().read(calendar.getBytes(StandardCharsets.UTF_8), WARSAW);
    }
  }

  @Test
  void theInvitationTheChangeAndTheCancellationAreValidImipWithOneUid() throws Exception {
    long town = data.memberTown("Miasto Lesko " + UUID.randomUUID(), Country.PL);
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    AccountPrincipal organiser = data.account(Role.CLERK, code);
    AccountPrincipal invitee = data.account(Role.CLERK, code);
    String address = invitee.login() + "@example.org";
    long calendar = calendarOf(calendars, organiser, SpaceType.ORGANISATION);
    CalendarEvent event =
        TestSubjects.as(
            organiser,
            () ->
                calendars.createEvent(
                    calendar,
                    draft(
                        "Sesja Rady – „budżet” & <plan>",
                        "2027-03-30T10:00",
                        "FREQ=WEEKLY;COUNT=4")));

    TestSubjects.as(
        organiser,
        () ->
            calendars.invite(
                event.getId(),
                event.getVersion(),
                List.of(new Invitee(InviteeType.ACCOUNT, invitee.accountId()))));
    Received invitation = received(address, "METHOD:REQUEST", 1);

    assertEquals("multipart/alternative", new ContentType(invitation.contentType()).getBaseType());
    ContentType part = new ContentType(invitation.calendarContentType());
    assertEquals("text/calendar", part.getBaseType());
    assertEquals("REQUEST", part.getParameter("method"));
    assertTrue(
        invitation.text().contains("/calendar/answer-invitation.xhtml?token="), invitation.text());
    assertTrue(invitation.text().contains("Sesja Rady – „budżet” & <plan>"), invitation.text());
    assertTrue(invitation.calendar().contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n"));
    IcsImport read = invitation.parsed();
    assertEquals(IcsMethod.REQUEST, read.method());
    IcsEvent sent = read.events().get(0);
    assertEquals(event.getUid(), sent.uid());
    assertEquals(event.getSequence(), sent.sequence());
    assertEquals(ZonedDateTime.of(LocalDateTime.parse("2027-03-30T10:00"), WARSAW), sent.start());
    assertEquals("FREQ=WEEKLY;COUNT=4", sent.rrule());
    assertEquals(address, sent.attendees().get(0).email());
    assertEquals(IcsPartStat.NEEDS_ACTION, sent.attendees().get(0).partStat());
    assertEquals(organiser.login() + "@example.org", sent.organizer().email());

    CalendarEvent stored = TestSubjects.as(organiser, () -> calendars.getEvent(event.getId()));
    CalendarEvent changed =
        TestSubjects.as(
            organiser,
            () ->
                calendars.updateEvent(
                    stored.getId(),
                    stored.getVersion(),
                    EditScope.SERIES,
                    null,
                    draft("Sesja Rady (sala 3)", "2027-03-30T12:00", "FREQ=WEEKLY;COUNT=4")));
    Received update = received(address, "METHOD:REQUEST", 2);
    IcsEvent updated = update.parsed().events().get(0);
    assertEquals(event.getUid(), updated.uid());
    assertTrue(updated.sequence() > sent.sequence(), updated.sequence() + " > " + sent.sequence());
    assertEquals("Sesja Rady (sala 3)", updated.summary());

    // One occurrence moves: the update holds the series and the occurrence under its RECURRENCE-ID.
    CalendarEvent series = TestSubjects.as(organiser, () -> calendars.getEvent(changed.getId()));
    TestSubjects.as(
        organiser,
        () ->
            calendars.updateEvent(
                series.getId(),
                series.getVersion(),
                EditScope.ONE,
                LocalDateTime.parse("2027-04-06T12:00"),
                draft("Sesja Rady (przeniesiona)", "2027-04-07T15:00", null)));
    // (GreenMail lists messages in no particular order: the update is told by its content.)
    Received third = received(address, "RECURRENCE-ID;TZID=Europe/Warsaw:20270406T120000", 1);
    List<IcsEvent> moved = third.parsed().events();
    assertEquals(IcsMethod.REQUEST, third.parsed().method());
    assertEquals(2, moved.size(), third.calendar());
    IcsEvent occurrence = moved.get(1);
    assertEquals(event.getUid(), occurrence.uid());
    assertEquals(moved.get(0).sequence(), occurrence.sequence());
    assertTrue(moved.get(0).sequence() > updated.sequence());
    assertEquals(
        ZonedDateTime.of(LocalDateTime.parse("2027-04-06T12:00"), WARSAW),
        occurrence.recurrenceId());
    assertEquals(
        ZonedDateTime.of(LocalDateTime.parse("2027-04-07T15:00"), WARSAW), occurrence.start());
    assertEquals("Sesja Rady (przeniesiona)", occurrence.summary());

    CalendarEvent again = TestSubjects.as(organiser, () -> calendars.getEvent(changed.getId()));
    TestSubjects.run(
        organiser,
        () -> calendars.deleteEvent(again.getId(), again.getVersion(), EditScope.SERIES, null));
    Received cancellation = received(address, "METHOD:CANCEL", 1);
    assertEquals(
        "CANCEL", new ContentType(cancellation.calendarContentType()).getParameter("method"));
    IcsImport cancelled = cancellation.parsed();
    assertEquals(IcsMethod.CANCEL, cancelled.method());
    assertEquals(event.getUid(), cancelled.events().get(0).uid());
    assertEquals(IcsStatus.CANCELLED, cancelled.events().get(0).status());
    assertTrue(cancelled.events().get(0).sequence() > updated.sequence());
  }

  private static EventDraft draft(String title, String start, String rule) {
    LocalDateTime begin = LocalDateTime.parse(start);
    return new EventDraft(
        title,
        "Porządek obrad:\n1. Otwarcie",
        null,
        Map.of(),
        "Ratusz",
        false,
        begin,
        begin.plusMinutes(90),
        "Europe/Warsaw",
        rule,
        Set.of(),
        Visibility.NETWORK);
  }

  /** Waits for the {@code count}-th message to the address whose calendar has the line. */
  private static Received received(String address, String line, int count) throws Exception {
    Mailbox.awaitRaw(
        address,
        raw -> Mailbox.rawMessagesTo(address).stream().filter(m -> has(m, line)).count() >= count);
    String raw =
        Mailbox.rawMessagesTo(address).stream().filter(m -> has(m, line)).toList().get(count - 1);
    return parse(raw);
  }

  private static boolean has(String raw, String line) {
    try {
      return parse(raw).calendar().contains("\r\n" + line + "\r\n");
    } catch (Exception e) {
      return false;
    }
  }

  private static Received parse(String raw) throws Exception {
    MimeMessage message =
        // Made here, in the server: the test class is also loaded outside it, without a mail
        // provider.
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    MimeMultipart parts = (MimeMultipart) message.getContent();
    String text = null;
    String calendarType = null;
    String calendar = null;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      ContentType type = new ContentType(part.getContentType());
      if (type.match("text/plain")) {
        text = read(part);
      } else if (type.match("text/calendar")) {
        calendarType = part.getContentType();
        calendar = read(part);
      }
    }
    return new Received(message.getContentType(), text, calendarType, calendar);
  }

  private static String read(BodyPart part) throws Exception {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
