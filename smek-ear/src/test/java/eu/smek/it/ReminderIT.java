package eu.smek.it;

import static eu.smek.it.TestCalendars.calendarOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.InvalidReminderException;
import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders: due ones go out once, by e-mail and in the application, however many runs ask at the
 * same moment (and the server's own minute timer among them); later occurrences wait for their
 * time; the choices are checked; nobody sets a reminder of an event they cannot see.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT extends InContainerTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  @EJB(lookup = "java:global/smek/smek-ejb/CalendarService")
  private CalendarService calendars;

  private AccountPrincipal clerk;
  private AccountPrincipal foreignClerk;
  private long townCalendar;

  @BeforeEach
  void town() throws Exception {
    long town = data.memberTown("Miasto Jasło " + UUID.randomUUID(), Country.PL);
    long other = data.memberTown("Mesto Medzilaborce " + UUID.randomUUID(), Country.SK);
    clerk = data.account(Role.CLERK, data.code(town));
    foreignClerk = data.account(Role.CLERK, data.code(other));
    townCalendar = calendarOf(calendars, clerk, SpaceType.ORGANISATION);
  }

  @Test
  void aDueReminderGoesOutOnceWhenManyRunsAskAtOnce() throws Exception {
    String title = "Sesja " + UUID.randomUUID();
    Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
    CalendarEvent event = create(title, start, null, Visibility.PRIVATE);
    TestSubjects.run(clerk, () -> calendars.remindMe(event.getId(), 15, true, true));

    int sent = 0;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(
            pool.submit(
                () -> {
                  go.await();
                  return calendars.sendDueReminders(Instant.now());
                }));
      }
      go.countDown();
      for (Future<Integer> run : runs) {
        sent += run.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertTrue(sent <= 1, "the runs sent it " + sent + " times");
    assertEquals(1L, sentRecords(event), "recorded once (by these runs or the minute timer)");
    assertEquals(1L, notifications(title), "one notification in the application");
    Mailbox.await(address(clerk), mail -> mail.subject().contains(title));
    Thread.sleep(2_000);
    assertEquals(
        1,
        Mailbox.messagesTo(address(clerk)).stream()
            .filter(mail -> mail.subject().contains(title))
            .count(),
        "one e-mail");
    assertEquals(0, calendars.sendDueReminders(Instant.now()), "nothing left to send");
  }

  @Test
  void aSeriesIsRemindedOfEachOccurrenceInItsTimeOnly() throws Exception {
    String title = "Zespół " + UUID.randomUUID();
    Instant start = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MINUTES);
    CalendarEvent series = create(title, start, "FREQ=DAILY;COUNT=3", Visibility.NETWORK);
    TestSubjects.run(clerk, () -> calendars.remindMe(series.getId(), 30, false, true));

    calendars.sendDueReminders(Instant.now());
    calendars.sendDueReminders(start.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(30)));

    assertEquals(2L, sentRecords(series), "today's and tomorrow's, not the third");
    assertEquals(2L, notifications(title));
    assertFalse(
        Mailbox.messagesTo(address(clerk)).stream().anyMatch(m -> m.subject().contains(title)),
        "in the application only, as chosen");
  }

  @Test
  void aReminderLongOverdueIsNotSentAndAPastEventIsNotReminded() throws Exception {
    String title = "Minęło " + UUID.randomUUID();
    Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    CalendarEvent past = create(title, start, null, Visibility.NETWORK);
    TestSubjects.run(clerk, () -> calendars.remindMe(past.getId(), 60, true, true));

    calendars.sendDueReminders(Instant.now());

    assertEquals(0L, sentRecords(past));
  }

  @Test
  void theChoicesAreCheckedAndOnlyVisibleEventsCanBeReminded() throws Exception {
    CalendarEvent event =
        create("Poufne", Instant.now().plus(Duration.ofDays(3)), null, Visibility.PRIVATE);

    assertThrows(
        InvalidReminderException.class,
        () -> TestSubjects.run(clerk, () -> calendars.remindMe(event.getId(), 7, true, true)));
    assertThrows(
        InvalidReminderException.class,
        () -> TestSubjects.run(clerk, () -> calendars.remindMe(event.getId(), 15, false, false)));
    assertThrows(
        RecordNotFoundException.class,
        () ->
            TestSubjects.run(
                foreignClerk, () -> calendars.remindMe(event.getId(), 15, true, true)));

    TestSubjects.run(clerk, () -> calendars.remindMe(event.getId(), 1440, true, false));
    assertEquals(
        1440,
        TestSubjects.as(clerk, () -> calendars.findMyReminder(event.getId()))
            .orElseThrow()
            .getMinutesBefore());
    TestSubjects.run(clerk, () -> calendars.remindMe(event.getId(), null, false, false));
    assertTrue(TestSubjects.as(clerk, () -> calendars.findMyReminder(event.getId())).isEmpty());
  }

  @Test
  void deletingAnEventDeletesItsReminders() throws Exception {
    CalendarEvent event =
        create("Odwołane", Instant.now().plus(Duration.ofMinutes(5)), null, Visibility.NETWORK);
    TestSubjects.run(clerk, () -> calendars.remindMe(event.getId(), 15, true, true));

    TestSubjects.run(
        clerk,
        () ->
            calendars.deleteEvent(
                event.getId(), calendars.getEvent(event.getId()).getVersion(), null, null));

    assertEquals(
        0L,
        data.query(
                "select count(r) from EventReminder r where r.event.id = ?1",
                Long.class,
                event.getId())
            .get(0));
    calendars.sendDueReminders(Instant.now());
  }

  // Helpers

  private CalendarEvent create(String title, Instant start, String rule, Visibility visibility)
      throws Exception {
    LocalDateTime local = LocalDateTime.ofInstant(start, WARSAW);
    return TestSubjects.as(
        clerk,
        () ->
            calendars.createEvent(
                townCalendar,
                new EventDraft(
                    title,
                    null,
                    null,
                    Map.of(),
                    "Ratusz",
                    false,
                    local,
                    local.plusHours(1),
                    "Europe/Warsaw",
                    rule,
                    Set.of(),
                    visibility)));
  }

  private long sentRecords(CalendarEvent event) {
    return data.query(
            "select count(s) from ReminderSent s, EventReminder r"
                + " where s.reminderId = r.id and r.event.id = ?1",
            Long.class,
            event.getId())
        .get(0);
  }

  private long notifications(String title) {
    return data.query(
            "select count(n) from Notification n where n.recipient.id = ?1 and n.title like ?2",
            Long.class,
            clerk.accountId(),
            "%" + title + "%")
        .get(0);
  }

  private static String address(AccountPrincipal who) {
    return who.login() + "@example.org";
  }
}
