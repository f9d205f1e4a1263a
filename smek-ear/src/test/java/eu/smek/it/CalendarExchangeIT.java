package eu.smek.it;

import static eu.smek.it.TestCalendars.calendarOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.calendar.Answer;
import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarImport;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.EditScope;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.Invitee;
import eu.smek.calendar.InviteeType;
import eu.smek.calendar.NoSuchFeedException;
import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsLimits;
import eu.smek.calendar.ical.IcsReader;
import eu.smek.calendar.ical.IcsRejectedException;
import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calendars in and out as iCalendar: an exported calendar imports into another as the same events
 * (series, excluded dates, moved occurrences, all-day events, zones); importing again changes
 * rather than adds; the preview changes nothing and names what it leaves out; hostile and oversized
 * files; who may import; the subscription address with its secret, and after revoking.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarExchangeIT extends InContainerTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  @EJB(lookup = "java:global/smek/smek-ejb/CalendarService")
  private CalendarService calendars;

  private final Http http = Http.local();

  private AccountPrincipal clerk;
  private AccountPrincipal foreignClerk;
  private long townCalendar;
  private long otherCalendar;

  @BeforeEach
  void towns() throws Exception {
    long town = data.memberTown("Miasto Sanok " + UUID.randomUUID(), Country.PL);
    long otherTown = data.memberTown("Mesto Snina " + UUID.randomUUID(), Country.SK);
    clerk = data.account(Role.CLERK, data.code(town));
    foreignClerk = data.account(Role.CLERK, data.code(otherTown));
    townCalendar = calendarOf(calendars, clerk, SpaceType.ORGANISATION);
    otherCalendar = calendarOf(calendars, foreignClerk, SpaceType.ORGANISATION);
  }

  @Test
  void anExportedCalendarImportsIntoAnotherAsTheSameEvents() throws Exception {
    seed();
    String exported = TestSubjects.as(clerk, () -> calendars.exportCalendar(townCalendar));

    CalendarImport report =
        TestSubjects.as(
            foreignClerk,
            () ->
                calendars.importCalendar(
                    otherCalendar,
                    exported.getBytes(StandardCharsets.UTF_8),
                    WARSAW,
                    Visibility.NETWORK,
                    Language.SK));
    String again = TestSubjects.as(foreignClerk, () -> calendars.exportCalendar(otherCalendar));

    assertEquals(4, report.count(CalendarImport.Action.NEW), "" + report);
    assertEquals(0, report.count(CalendarImport.Action.SKIP), "" + report.notices());
    assertEquals(comparable(exported), comparable(again));
  }

  @Test
  void importingTheSameFileAgainChangesTheEventsInsteadOfAddingThem() throws Exception {
    seed();
    byte[] file =
        TestSubjects.as(clerk, () -> calendars.exportCalendar(townCalendar))
            .getBytes(StandardCharsets.UTF_8);
    TestSubjects.as(foreignClerk, () -> importInto(otherCalendar, file));

    CalendarImport preview =
        TestSubjects.as(
            foreignClerk, () -> calendars.previewImport(otherCalendar, file, WARSAW, Language.SK));
    CalendarImport second = TestSubjects.as(foreignClerk, () -> importInto(otherCalendar, file));
    String exported = TestSubjects.as(foreignClerk, () -> calendars.exportCalendar(otherCalendar));

    assertEquals(3, preview.count(CalendarImport.Action.UPDATE), "the three series and events");
    assertEquals(3, second.count(CalendarImport.Action.UPDATE));
    assertEquals(
        4, new IcsReader().read(exported.getBytes(StandardCharsets.UTF_8), WARSAW).events().size());
  }

  @Test
  void thePreviewSavesNothingAndSaysWhatItLeavesOut() throws Exception {
    String uid = UUID.randomUUID() + "@example.org";
    String file =
        String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//EN",
            "BEGIN:VEVENT",
            "UID:" + uid,
            "DTSTAMP:20261101T100000Z",
            "DTSTART;TZID=Europe/Warsaw:20261210T100000",
            "DTEND;TZID=Europe/Warsaw:20261210T110000",
            "SUMMARY:<script>alert(1)</script> Sesja",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:orphan-" + uid,
            "DTSTAMP:20261101T100000Z",
            "RECURRENCE-ID;TZID=Europe/Warsaw:20261217T100000",
            "DTSTART;TZID=Europe/Warsaw:20261217T120000",
            "DTEND;TZID=Europe/Warsaw:20261217T130000",
            "SUMMARY:Moved alone",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:long-" + uid,
            "DTSTAMP:20261101T100000Z",
            "DTSTART;TZID=Europe/Warsaw:20261211T100000",
            "DTEND;TZID=Europe/Warsaw:20261211T110000",
            "SUMMARY:" + "x".repeat(400),
            "END:VEVENT",
            "BEGIN:VTODO",
            "UID:todo-" + uid,
            "DTSTAMP:20261101T100000Z",
            "SUMMARY:A task",
            "END:VTODO",
            "END:VCALENDAR",
            "");
    byte[] bytes = file.getBytes(StandardCharsets.UTF_8);

    CalendarImport preview =
        TestSubjects.as(
            clerk, () -> calendars.previewImport(townCalendar, bytes, WARSAW, Language.PL));

    assertEquals(1, preview.count(CalendarImport.Action.NEW));
    assertEquals(2, preview.count(CalendarImport.Action.SKIP));
    Set<String> keys =
        preview.notices().stream().map(n -> n.messageKey()).collect(Collectors.toSet());
    assertTrue(keys.contains("calendar.import.skipped.noSeries"), "" + keys);
    assertTrue(keys.contains("calendar.import.skipped.invalid"), "" + keys);
    assertTrue(keys.contains("calendar.ical.skipped.component"), "" + keys);
    assertFalse(
        TestSubjects.as(clerk, () -> calendars.exportCalendar(townCalendar)).contains(uid),
        "a preview saves nothing");

    TestSubjects.as(clerk, () -> importInto(townCalendar, bytes));
    String exported = TestSubjects.as(clerk, () -> calendars.exportCalendar(townCalendar));
    IcsEvent imported =
        new IcsReader()
            .read(exported.getBytes(StandardCharsets.UTF_8), WARSAW).events().stream()
                .filter(e -> e.uid().equals(uid))
                .findFirst()
                .orElseThrow();
    assertEquals("<script>alert(1)</script> Sesja", imported.summary(), "kept as text");
    assertFalse(exported.contains("long-" + uid));
  }

  @Test
  void filesThatAreNotCalendarsOrTooLargeAreRefusedWithAReason() throws Exception {
    byte[] notICalendar =
        "<html><body>../../etc/passwd</body></html>".getBytes(StandardCharsets.UTF_8);
    byte[] tooLarge = new byte[(int) IcsLimits.DEFAULT.maximumBytes() + 1];

    IcsRejectedException notACalendar =
        assertThrows(
            IcsRejectedException.class,
            () ->
                TestSubjects.as(
                    clerk,
                    () ->
                        calendars.previewImport(townCalendar, notICalendar, WARSAW, Language.PL)));
    IcsRejectedException large =
        assertThrows(
            IcsRejectedException.class,
            () -> TestSubjects.as(clerk, () -> importInto(townCalendar, tooLarge)));

    assertEquals("calendar.ical.notICalendar", notACalendar.getMessageKey());
    assertEquals("calendar.ical.tooLarge", large.getMessageKey());
  }

  @Test
  void onlyThoseWhoMayAddEventsToACalendarImportIntoIt() throws Exception {
    seed();
    byte[] file =
        TestSubjects.as(clerk, () -> calendars.exportCalendar(townCalendar))
            .getBytes(StandardCharsets.UTF_8);

    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.as(foreignClerk, () -> importInto(townCalendar, file)));
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.as(clerk, () -> importInto(1L, file)),
        "the network's calendar is its coordinators'");
  }

  @Test
  void anotherTownsExportHoldsOnlyWhatItMaySee() throws Exception {
    seed();
    TestSubjects.as(
        clerk, () -> calendars.createEvent(townCalendar, single("Poufne", Visibility.PRIVATE)));

    String mine = TestSubjects.as(clerk, () -> calendars.exportCalendar(townCalendar));
    String theirs = TestSubjects.as(foreignClerk, () -> calendars.exportCalendar(townCalendar));

    assertTrue(mine.contains("SUMMARY:Poufne"));
    assertFalse(theirs.contains("Poufne"));
    assertTrue(theirs.contains("Rada miasta"));
  }

  @Test
  void theSubscriptionAddressWorksWithItsSecretOnlyAndStopsWhenRevoked() throws Exception {
    seed();
    TestSubjects.as(
        clerk,
        () -> calendars.createEvent(townCalendar, single("Tylko dla nas", Visibility.PRIVATE)));
    String secret = TestSubjects.as(clerk, () -> calendars.createMyFeed());

    HttpResponse<String> feed = http.get("/calendar/feed/" + secret + ".ics");
    assertEquals(200, feed.statusCode());
    assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
    assertTrue(feed.body().contains("SUMMARY:Tylko dla nas"), "the owner's private events");
    assertTrue(feed.body().contains("Rada miasta"));
    assertTrue(
        TestSubjects.as(clerk, () -> calendars.findMyFeed()).orElseThrow().getLastUsedAt() != null);

    // A program polling with the ETag it holds gets 304 until an event changes.
    String etag = feed.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> unchanged =
        http.get("/calendar/feed/" + secret + ".ics", "If-None-Match", etag);
    assertEquals(304, unchanged.statusCode());
    assertEquals("", unchanged.body());
    TestSubjects.as(
        clerk, () -> calendars.createEvent(townCalendar, single("Nowe", Visibility.PRIVATE)));
    HttpResponse<String> changed =
        http.get("/calendar/feed/" + secret + ".ics", "If-None-Match", etag);
    assertEquals(200, changed.statusCode());
    assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
    assertTrue(changed.body().contains("SUMMARY:Nowe"));

    String wrong = secret.substring(0, 42) + (secret.endsWith("A") ? "B" : "A");
    assertEquals(404, http.get("/calendar/feed/" + wrong + ".ics").statusCode());
    assertEquals(404, http.get("/calendar/feed/" + "%2e%2e%2f%2e%2e%2fetc%2fpasswd").statusCode());
    assertEquals(404, http.get("/calendar/feed/x%27%20OR%20%271%27%3D%271.ics").statusCode());

    String renewed = TestSubjects.as(clerk, () -> calendars.createMyFeed());
    assertNotEquals(secret, renewed);
    assertEquals(404, http.get("/calendar/feed/" + secret + ".ics").statusCode(), "old address");
    assertEquals(200, http.get("/calendar/feed/" + renewed + ".ics").statusCode());

    TestSubjects.run(clerk, () -> calendars.revokeMyFeed());
    assertEquals(404, http.get("/calendar/feed/" + renewed + ".ics").statusCode());
    assertThrows(NoSuchFeedException.class, () -> calendars.feed(renewed));
  }

  @Test
  void theFeedHoldsTheEventsElsewhereTheOwnerIsInvitedToUnlessDeclined() throws Exception {
    CalendarEvent invited =
        TestSubjects.as(
            foreignClerk,
            () ->
                calendars.createEvent(
                    otherCalendar, single("Spoločná porada", Visibility.PRIVATE)));
    CalendarEvent declined =
        TestSubjects.as(
            foreignClerk,
            () ->
                calendars.createEvent(
                    otherCalendar, single("Odmietnutá porada", Visibility.PRIVATE)));
    for (CalendarEvent event : List.of(invited, declined)) {
      TestSubjects.as(
          foreignClerk,
          () ->
              calendars.invite(
                  event.getId(),
                  event.getVersion(),
                  List.of(new Invitee(InviteeType.ACCOUNT, clerk.accountId()))));
    }
    TestSubjects.as(clerk, () -> calendars.answer(declined.getId(), Answer.DECLINED));
    String secret = TestSubjects.as(clerk, () -> calendars.createMyFeed());

    String feed = http.get("/calendar/feed/" + secret + ".ics").body();

    assertTrue(feed.contains("UID:" + invited.getUid()), "invited, not yet answered");
    assertFalse(feed.contains("UID:" + declined.getUid()), "declined");
    TestSubjects.run(clerk, () -> calendars.revokeMyFeed());
  }

  @Test
  void exportsNeedASignedInUser() throws Exception {
    HttpResponse<String> anonymous = http.get("/calendar/export/calendar/" + townCalendar);

    assertNotEquals(200, anonymous.statusCode());
    assertFalse(anonymous.body().contains("BEGIN:VCALENDAR"));
  }

  // Helpers

  /** A single event, an all-day event, and a weekly series with an excluded and a moved date. */
  private void seed() throws Exception {
    TestSubjects.as(
        clerk,
        () -> calendars.createEvent(townCalendar, single("Rada miasta", Visibility.NETWORK)));
    TestSubjects.as(
        clerk,
        () ->
            calendars.createEvent(
                townCalendar,
                new EventDraft(
                    "Dni Sanoka",
                    null,
                    null,
                    Map.of(),
                    null,
                    true,
                    LocalDateTime.parse("2026-06-20T00:00"),
                    LocalDateTime.parse("2026-06-22T00:00"),
                    "Europe/Warsaw",
                    null,
                    Set.of("kultura", "festyn"),
                    Visibility.PUBLIC)));
    TestSubjects.as(
        clerk,
        () -> {
          CalendarEvent series =
              calendars.createEvent(
                  townCalendar,
                  new EventDraft(
                      "Zespół roboczy",
                      "Co tydzień\nw ratuszu",
                      null,
                      Map.of(),
                      "Sala 2",
                      false,
                      LocalDateTime.parse("2026-10-06T09:00"),
                      LocalDateTime.parse("2026-10-06T10:30"),
                      "Europe/Warsaw",
                      "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
                      Set.of("praca"),
                      Visibility.NETWORK));
          // Across the end of summer time: 27 October 2026 is a week after the change.
          calendars.deleteEvent(
              series.getId(),
              series.getVersion(),
              EditScope.ONE,
              LocalDateTime.parse("2026-10-20T09:00"));
          CalendarEvent current = calendars.getEvent(series.getId());
          calendars.updateEvent(
              current.getId(),
              current.getVersion(),
              EditScope.ONE,
              LocalDateTime.parse("2026-10-27T09:00"),
              EventDraft.of(current)
                  .at(
                      LocalDateTime.parse("2026-10-28T14:00"),
                      LocalDateTime.parse("2026-10-28T15:00")));
          return null;
        });
  }

  private CalendarImport importInto(long calendar, byte[] file) {
    return calendars.importCalendar(calendar, file, WARSAW, Visibility.NETWORK, Language.PL);
  }

  /** A file's events without what differs between two copies of the same event (DTSTAMP). */
  private static List<String> comparable(String ics) {
    return new IcsReader()
        .read(ics.getBytes(StandardCharsets.UTF_8), WARSAW).events().stream()
            .map(
                e ->
                    String.join(
                        " | ",
                        e.uid(),
                        "" + e.summary(),
                        "" + e.description(),
                        "" + e.location(),
                        "" + e.categories(),
                        "" + e.start(),
                        "" + e.end(),
                        "" + e.rrule(),
                        "" + e.exdates(),
                        "" + e.recurrenceId()))
            .sorted(Comparator.naturalOrder())
            .toList();
  }

  private static EventDraft single(String title, Visibility visibility) {
    return new EventDraft(
        title,
        "Porządek obrad",
        null,
        Map.of(),
        "Ratusz",
        false,
        LocalDateTime.parse("2026-12-03T10:00"),
        LocalDateTime.parse("2026-12-03T12:00"),
        "Europe/Warsaw",
        null,
        Set.of("rada"),
        visibility);
  }
}
