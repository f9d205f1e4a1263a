package eu.smek.it;

import static eu.smek.it.TestCalendars.calendarOf;
import static eu.smek.it.TestCalendars.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.CalendarSummary;
import eu.smek.calendar.EditScope;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.EventTimesInvalidException;
import eu.smek.calendar.InvalidRecurrenceException;
import eu.smek.calendar.NoSuchOccurrenceException;
import eu.smek.calendar.Occurrence;
import eu.smek.calendar.RangeClass;
import eu.smek.calendar.RangeTooLongException;
import eu.smek.calendar.UnknownTimeZoneException;
import eu.smek.infrastructure.Failures;
import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calendar service in the container: calendars per space, who sees which events (a town's
 * private ones are invisible to other towns), the edit scopes of a series, recurrence across DST,
 * invalid and hostile input, the audit log and two people changing one event at once.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarIT extends InContainerTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  @EJB(lookup = "java:global/smek/smek-ejb/CalendarService")
  private CalendarService calendars;

  private long town;
  private AccountPrincipal clerk;
  private AccountPrincipal colleague;
  private AccountPrincipal foreignClerk;
  private AccountPrincipal operator;
  private long townCalendar;

  @BeforeEach
  void towns() throws Exception {
    town = data.memberTown("Miasto Krosno " + UUID.randomUUID(), Country.PL);
    long otherTown = data.memberTown("Mesto Stropkov " + UUID.randomUUID(), Country.SK);
    clerk = data.account(Role.CLERK, data.code(town));
    colleague = data.account(Role.TOWN_COORDINATOR, data.code(town));
    foreignClerk = data.account(Role.CLERK, data.code(otherTown));
    operator = data.account(Role.IT_OPERATOR, data.code(town));
    townCalendar = calendarOf(calendars, clerk, SpaceType.ORGANISATION);
  }

  @Test
  void everyoneHasTheNetworksTheirTownsAndTheirOwnCalendar() throws Exception {
    long person = data.people(town, 1, "Nowak").get(0);
    data.linkAccount(clerk.accountId(), person);

    List<CalendarSummary> mine = TestSubjects.as(clerk, () -> calendars.calendars());
    List<CalendarSummary> again = TestSubjects.as(clerk, () -> calendars.calendars());
    List<CalendarSummary> foreign = TestSubjects.as(foreignClerk, () -> calendars.calendars());

    assertEquals(SpaceType.NETWORK, mine.get(0).calendar().getSpace().getType());
    assertFalse(mine.get(0).mayEdit(), "the network's calendar is the administrators'");
    assertEquals(SpaceType.ORGANISATION, mine.get(1).calendar().getSpace().getType());
    assertEquals(town, mine.get(1).calendar().getSpace().getId());
    assertTrue(mine.get(1).member() && mine.get(1).mayEdit());
    CalendarSummary own = summary(mine, SpaceType.PERSON);
    assertEquals(person, own.calendar().getSpace().getId());
    assertTrue(own.mayEdit());
    assertEquals(
        mine.stream().map(s -> s.calendar().getId()).toList(),
        again.stream().map(s -> s.calendar().getId()).toList(),
        "made once, then found");
    assertFalse(
        foreign.stream().anyMatch(s -> s.calendar().getId().equals(own.calendar().getId())),
        "another town does not even see the personal calendar");
    CalendarSummary ofOurTown =
        foreign.stream()
            .filter(s -> s.calendar().getId() == townCalendar)
            .findFirst()
            .orElseThrow();
    assertFalse(ofOurTown.member() || ofOurTown.mayEdit());
    assertNotFound(
        () ->
            TestSubjects.as(
                foreignClerk,
                () ->
                    calendars.occurrences(
                        Set.of(own.calendar().getId()),
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-02-01"),
                        WARSAW)));
  }

  @Test
  void aTownsPrivateEventsAreInvisibleToOtherTownsAndPublicOnesToEveryone() throws Exception {
    CalendarEvent secret = create(clerk, draft("Budżet – tajne", Visibility.PRIVATE));
    CalendarEvent shared = create(clerk, draft("Spotkanie sieci", Visibility.NETWORK));
    CalendarEvent open = create(clerk, draft("Dni miasta", Visibility.PUBLIC));

    assertEquals(Set.of(secret.getId(), shared.getId(), open.getId()), shown(clerk, townCalendar));
    assertEquals(Set.of(shared.getId(), open.getId()), shown(foreignClerk, townCalendar));
    assertEquals(Set.of(open.getId()), shown(null, townCalendar));
    assertNotFound(() -> TestSubjects.as(foreignClerk, () -> calendars.getEvent(secret.getId())));
    assertNotFound(() -> calendars.getEvent(shared.getId())); // a visitor
    assertEquals(
        "Dni miasta",
        TestSubjects.as(foreignClerk, () -> calendars.getEvent(open.getId())).getTitle());
    assertTrue(
        data.query(
                    "select count(e) from AuditEntry e where e.action = ?1 and e.details = ?2",
                    Long.class,
                    AuditAction.ACCESS_DENIED,
                    "calendar-event:" + secret.getId())
                .get(0)
            >= 1);
  }

  @Test
  void onlyTheTownChangesItsEventsAndOnlyAdministratorsTheNetworks() throws Exception {
    CalendarEvent shared = create(clerk, draft("Spotkanie sieci", Visibility.NETWORK));
    CalendarEvent secret = create(clerk, draft("Tajne", Visibility.PRIVATE));
    AccountPrincipal administrator = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    long network = calendarOf(calendars, clerk, SpaceType.NETWORK);

    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                foreignClerk,
                () -> update(shared, EditScope.SERIES, null, draft("Moje", Visibility.NETWORK))));
    assertNotFound(
        () -> TestSubjects.as(foreignClerk, () -> delete(secret, EditScope.SERIES, null)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                operator,
                () -> calendars.createEvent(townCalendar, draft("x", Visibility.PRIVATE))));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                clerk, () -> calendars.createEvent(network, draft("x", Visibility.NETWORK))));
    CalendarEvent forAll =
        TestSubjects.as(
            administrator,
            () -> calendars.createEvent(network, draft("Zjazd sieci", Visibility.NETWORK)));
    assertTrue(shown(foreignClerk, network).contains(forAll.getId()));
    assertEquals(
        "Zmienione",
        TestSubjects.as(
                colleague,
                () ->
                    update(shared, EditScope.SERIES, null, draft("Zmienione", Visibility.NETWORK)))
            .getTitle());
  }

  @Test
  void aWeeklySeriesStaysAtTenInWarsawAcrossTheDstChange() throws Exception {
    CalendarEvent series =
        create(
            clerk,
            timed(
                "Rada",
                "2026-03-19T10:00",
                "2026-03-19T11:00",
                "FREQ=WEEKLY;COUNT=4",
                Visibility.NETWORK));

    List<Occurrence> found =
        TestSubjects.as(
            foreignClerk,
            () ->
                calendars.occurrences(
                    Set.of(townCalendar),
                    LocalDate.parse("2026-03-01"),
                    LocalDate.parse("2026-05-01"),
                    ZoneId.of("Europe/Kyiv")));

    List<Occurrence> ours = of(found, series);
    assertEquals(
        List.of("2026-03-19T09:00Z", "2026-03-26T09:00Z", "2026-04-02T08:00Z", "2026-04-09T08:00Z"),
        ours.stream().map(o -> o.start().toInstant().toString().replace(":00Z", "Z")).toList());
    assertEquals(
        List.of("11:00", "11:00", "11:00", "11:00"),
        ours.stream()
            .map(o -> o.startIn(ZoneId.of("Europe/Kyiv")).toLocalTime().toString())
            .toList());
    assertEquals(
        List.of("10:00", "10:00", "10:00", "10:00"),
        ours.stream().map(o -> o.startIn(WARSAW).toLocalTime().toString()).toList());
  }

  @Test
  void splittingASeriesTakesTheOccurrencesMovedAfterTheSplitAlong() throws Exception {
    CalendarEvent series =
        create(
            clerk,
            timed(
                "Komisja",
                "2026-06-04T10:00",
                "2026-06-04T11:00",
                "FREQ=WEEKLY;COUNT=6",
                Visibility.PRIVATE));
    CalendarEvent moved =
        TestSubjects.as(
            clerk,
            () ->
                update(
                    series,
                    EditScope.ONE,
                    "2026-06-25T10:00",
                    timed(
                        "Komisja (przeniesiona)",
                        "2026-06-26T15:00",
                        "2026-06-26T16:00",
                        null,
                        Visibility.PRIVATE)));
    CalendarEvent master = TestSubjects.as(clerk, () -> calendars.getEvent(series.getId()));

    // From 18 June on two hours later: the occurrence moved to 26 June stays moved, in the new
    // series, at the start the new rule gives it.
    CalendarEvent following =
        TestSubjects.as(
            clerk,
            () ->
                update(
                    master,
                    EditScope.THIS_AND_FOLLOWING,
                    "2026-06-18T10:00",
                    timed(
                        "Komisja (nowa)",
                        "2026-06-18T12:00",
                        "2026-06-18T13:00",
                        "FREQ=WEEKLY;COUNT=6",
                        Visibility.PRIVATE)));

    List<String> found =
        TestSubjects.as(
                clerk,
                () ->
                    calendars.occurrences(
                        Set.of(townCalendar),
                        LocalDate.parse("2026-06-01"),
                        LocalDate.parse("2026-08-01"),
                        WARSAW))
            .stream()
            .filter(o -> o.event().getTitle().startsWith("Komisja"))
            .map(o -> o.startIn(WARSAW).toString().substring(5) + " " + o.event().getTitle())
            .toList();
    assertEquals(
        List.of(
            "06-04T10:00 Komisja",
            "06-11T10:00 Komisja",
            "06-18T12:00 Komisja (nowa)",
            "06-26T15:00 Komisja (przeniesiona)",
            "07-02T12:00 Komisja (nowa)",
            "07-09T12:00 Komisja (nowa)"),
        found);
    CalendarEvent kept = TestSubjects.as(clerk, () -> calendars.getEvent(moved.getId()));
    assertEquals(following.getUid(), kept.getUid());
    assertEquals(LocalDateTime.parse("2026-06-25T12:00"), kept.getRecurrenceId());
    TestSubjects.run(clerk, () -> delete(following, EditScope.SERIES, null));
    TestSubjects.run(
        clerk, () -> delete(calendars.getEvent(series.getId()), EditScope.SERIES, null));
  }

  @Test
  void aLongSeriesAndAShortEventAreBothFoundInAWindowFarFromTheirStart() throws Exception {
    // Started a year and a half before the window: read from the long ranges.
    CalendarEvent endless =
        create(
            clerk,
            timed(
                "Sesja",
                "2025-01-07T09:00",
                "2025-01-07T10:00",
                "FREQ=MONTHLY;BYMONTHDAY=7",
                Visibility.PRIVATE));
    // A series over 14 weeks (more than 92 days), and one over 13 weeks (a short range).
    CalendarEvent thirteen =
        create(
            clerk,
            timed(
                "Dyżur A",
                "2026-05-05T08:00",
                "2026-05-05T09:00",
                "FREQ=WEEKLY;COUNT=15",
                Visibility.PRIVATE));
    CalendarEvent twelve =
        create(
            clerk,
            timed(
                "Dyżur B",
                "2026-05-06T08:00",
                "2026-05-06T09:00",
                "FREQ=WEEKLY;COUNT=14",
                Visibility.PRIVATE));
    // Single events just within three days (a brief range) and just over (a short one), both
    // ending in the window's first hours.
    CalendarEvent brief =
        create(
            clerk,
            timed("Zjazd A", "2026-07-24T11:00", "2026-07-27T09:00", null, Visibility.PRIVATE));
    CalendarEvent longer =
        create(
            clerk,
            timed("Zjazd B", "2026-07-24T08:00", "2026-07-27T09:00", null, Visibility.PRIVATE));
    assertEquals(RangeClass.LONG, endless.getRangeClass());
    assertEquals(RangeClass.LONG, thirteen.getRangeClass());
    assertEquals(RangeClass.SHORT, twelve.getRangeClass());
    assertEquals(RangeClass.BRIEF, brief.getRangeClass());
    assertEquals(RangeClass.SHORT, longer.getRangeClass());

    List<String> found =
        TestSubjects.as(
                clerk,
                () ->
                    calendars.occurrences(
                        Set.of(townCalendar),
                        LocalDate.parse("2026-07-27"),
                        LocalDate.parse("2026-08-10"),
                        WARSAW))
            .stream()
            .filter(
                o ->
                    o.event().getId().equals(endless.getId())
                        || o.event().getTitle().startsWith("Dyżur")
                        || o.event().getTitle().startsWith("Zjazd"))
            .map(o -> o.startIn(WARSAW).toString().substring(5) + " " + o.event().getTitle())
            .toList();
    assertEquals(
        List.of(
            "07-24T08:00 Zjazd B",
            "07-24T11:00 Zjazd A",
            "07-28T08:00 Dyżur A",
            "07-29T08:00 Dyżur B",
            "08-04T08:00 Dyżur A",
            "08-05T08:00 Dyżur B",
            "08-07T09:00 Sesja"),
        found);
    for (CalendarEvent event : List.of(endless, thirteen, twelve, brief, longer)) {
      TestSubjects.run(clerk, () -> delete(event, EditScope.SERIES, null));
    }
  }

  @Test
  void oneOccurrenceThisAndFollowingAndTheWholeSeries() throws Exception {
    CalendarEvent series =
        create(
            clerk,
            timed(
                "Rada",
                "2026-03-05T10:00",
                "2026-03-05T11:00",
                "FREQ=WEEKLY;COUNT=8",
                Visibility.PRIVATE));
    int sequence = series.getSequence();

    // One occurrence moves to the afternoon of another day.
    CalendarEvent moved =
        TestSubjects.as(
            clerk,
            () ->
                update(
                    series,
                    EditScope.ONE,
                    "2026-03-19T10:00",
                    timed(
                        "Rada (przeniesiona)",
                        "2026-03-20T14:00",
                        "2026-03-20T15:00",
                        null,
                        Visibility.PRIVATE)));
    assertEquals(series.getUid(), moved.getUid());
    assertEquals(LocalDateTime.parse("2026-03-19T10:00"), moved.getRecurrenceId());
    CalendarEvent master = TestSubjects.as(clerk, () -> calendars.getEvent(series.getId()));
    assertTrue(master.getSequence() > sequence);
    assertEquals(
        List.of(
            "03-05 10:00",
            "03-12 10:00",
            "03-20 14:00",
            "03-26 10:00",
            "04-02 10:00",
            "04-09 10:00",
            "04-16 10:00",
            "04-23 10:00"),
        starts(clerk));

    // This and following: the series is split at 2 April, the rest keeps its count.
    CalendarEvent following =
        TestSubjects.as(
            clerk,
            () ->
                update(
                    master,
                    EditScope.THIS_AND_FOLLOWING,
                    "2026-04-02T10:00",
                    timed(
                        "Rada (nowa)",
                        "2026-04-02T12:00",
                        "2026-04-02T13:00",
                        "FREQ=WEEKLY;COUNT=8",
                        Visibility.PRIVATE)));
    assertNotEquals(series.getUid(), following.getUid());
    assertEquals("FREQ=WEEKLY;COUNT=4", following.getRrule());
    assertTrue(
        TestSubjects.as(clerk, () -> calendars.getEvent(series.getId()))
            .getRrule()
            .contains("UNTIL="));
    assertEquals(
        List.of(
            "03-05 10:00",
            "03-12 10:00",
            "03-20 14:00",
            "03-26 10:00",
            "04-02 12:00",
            "04-09 12:00",
            "04-16 12:00",
            "04-23 12:00"),
        starts(clerk));

    // The whole (new) series.
    CalendarEvent renamed =
        TestSubjects.as(
            clerk,
            () ->
                update(
                    following,
                    EditScope.SERIES,
                    null,
                    timed(
                        "Rada (wszystkie)",
                        "2026-04-02T12:00",
                        "2026-04-02T13:00",
                        "FREQ=WEEKLY;COUNT=4",
                        Visibility.PRIVATE)));
    assertEquals(following.getSequence() + 1, renamed.getSequence());

    // Deleting one occurrence, then this and following, then the rest.
    CalendarEvent first = TestSubjects.as(clerk, () -> calendars.getEvent(series.getId()));
    TestSubjects.run(clerk, () -> delete(first, EditScope.ONE, "2026-03-12T10:00"));
    assertEquals(
        List.of(
            "03-05 10:00",
            "03-20 14:00",
            "03-26 10:00",
            "04-02 12:00",
            "04-09 12:00",
            "04-16 12:00",
            "04-23 12:00"),
        starts(clerk));
    CalendarEvent second = TestSubjects.as(clerk, () -> calendars.getEvent(renamed.getId()));
    TestSubjects.run(clerk, () -> delete(second, EditScope.THIS_AND_FOLLOWING, "2026-04-16T12:00"));
    assertEquals(
        List.of("03-05 10:00", "03-20 14:00", "03-26 10:00", "04-02 12:00", "04-09 12:00"),
        starts(clerk));
    CalendarEvent firstAgain = TestSubjects.as(clerk, () -> calendars.getEvent(series.getId()));
    TestSubjects.run(clerk, () -> delete(firstAgain, EditScope.SERIES, null));
    assertEquals(List.of("04-02 12:00", "04-09 12:00"), starts(clerk));
    assertNotFound(() -> TestSubjects.as(clerk, () -> calendars.getEvent(moved.getId())));

    assertThrows(
        NoSuchOccurrenceException.class,
        () ->
            TestSubjects.run(
                clerk,
                () ->
                    delete(
                        calendars.getEvent(renamed.getId()), EditScope.ONE, "2026-04-03T12:00")));
    List<AuditAction> audited =
        data
            .query(
                "select e from AuditEntry e where e.target = ?1 order by e.id",
                AuditEntry.class,
                "calendar-event:" + series.getId())
            .stream()
            .map(AuditEntry::getAction)
            .toList();
    assertEquals(AuditAction.CALENDAR_EVENT_CREATED, audited.get(0));
    assertTrue(audited.contains(AuditAction.CALENDAR_EVENT_CHANGED));
    assertEquals(AuditAction.CALENDAR_EVENT_DELETED, audited.get(audited.size() - 1));
  }

  @Test
  void invalidInputIsRefusedWithItsOwnRule() throws Exception {
    assertRule(
        EventTimesInvalidException.class,
        timed("x", "2026-03-05T10:00", "2026-03-05T09:00", null, Visibility.PRIVATE));
    assertRule(
        UnknownTimeZoneException.class,
        new EventDraft(
            "x",
            null,
            null,
            Map.of(),
            null,
            false,
            LocalDateTime.parse("2026-03-05T10:00"),
            LocalDateTime.parse("2026-03-05T11:00"),
            "Europe/Atlantis",
            null,
            Set.of(),
            Visibility.PRIVATE));
    assertRule(
        UnknownTimeZoneException.class,
        new EventDraft(
            "x",
            null,
            null,
            Map.of(),
            null,
            false,
            LocalDateTime.parse("2026-03-05T10:00"),
            LocalDateTime.parse("2026-03-05T11:00"),
            "../../etc/passwd",
            null,
            Set.of(),
            Visibility.PRIVATE));
    assertRule(
        InvalidRecurrenceException.class,
        timed("x", "2026-03-05T10:00", "2026-03-05T11:00", "FREQ=SECONDLY", Visibility.PRIVATE));
    assertRule(
        InvalidRecurrenceException.class,
        timed(
            "x",
            "2026-03-05T10:00",
            "2026-03-05T11:00",
            "FREQ=DAILY;COUNT=10000000",
            Visibility.PRIVATE));
    Throwable tooLong =
        assertThrows(
            Throwable.class,
            () ->
                create(
                    clerk, draft("x".repeat(CalendarEvent.TITLE_LENGTH + 1), Visibility.PRIVATE)));
    assertTrue(
        tooLong instanceof ConstraintViolationException
            || tooLong.getCause() instanceof ConstraintViolationException,
        tooLong.toString());
    assertThrows(
        RangeTooLongException.class,
        () ->
            TestSubjects.as(
                clerk,
                () ->
                    calendars.occurrences(
                        Set.of(townCalendar),
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2027-01-03"),
                        WARSAW)));
    assertThrows(
        RangeTooLongException.class,
        () ->
            TestSubjects.as(
                clerk,
                () ->
                    calendars.occurrences(
                        Set.of(townCalendar),
                        LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-01-01"),
                        WARSAW)));
    assertEquals(
        0,
        data.query(
                "select count(e) from CalendarEvent e where e.calendar.id = ?1",
                Long.class,
                townCalendar)
            .get(0),
        "nothing was stored");
  }

  @Test
  void hostileTextIsStoredAsText() throws Exception {
    String script = "<script>alert('x')</script>\"'; DROP TABLE calendar_event; --";
    CalendarEvent event = create(clerk, draft(script, Visibility.PRIVATE));

    assertEquals(
        script, TestSubjects.as(clerk, () -> calendars.getEvent(event.getId())).getTitle());
    assertTrue(
        data.query("select count(e) from CalendarEvent e", Long.class).get(0) >= 1,
        "the table is still there");
  }

  @Test
  void aStaleVersionIsAConcurrentChange() throws Exception {
    CalendarEvent event = create(clerk, draft("Rada", Visibility.PRIVATE));
    TestSubjects.as(
        colleague,
        () -> update(event, EditScope.SERIES, null, draft("Rada – nowa sala", Visibility.PRIVATE)));

    assertThrows(
        ConcurrentChangeException.class,
        () ->
            TestSubjects.as(
                clerk,
                () ->
                    update(
                        event, EditScope.SERIES, null, draft("Rada – stara", Visibility.PRIVATE))));
    assertEquals(
        "Rada – nowa sala",
        TestSubjects.as(clerk, () -> calendars.getEvent(event.getId())).getTitle());
  }

  @Test
  void aTownsFirstRequestsAtOnceMakeOneCalendar() throws Exception {
    long newTown = data.memberTown("Gmina Dukla " + UUID.randomUUID(), Country.PL);
    List<AccountPrincipal> people =
        List.of(
            data.account(Role.CLERK, data.code(newTown)),
            data.account(Role.TOWN_COORDINATOR, data.code(newTown)),
            data.account(Role.CLERK, data.code(newTown)),
            data.account(Role.TOWN_COORDINATOR, data.code(newTown)));
    ExecutorService pool = Executors.newFixedThreadPool(people.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<CalendarSummary>>> lists = new ArrayList<>();
      for (AccountPrincipal who : people) {
        lists.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return TestSubjects.as(who, () -> calendars.calendars());
                }));
      }
      start.countDown();
      Set<Long> townCalendars = new java.util.HashSet<>();
      for (Future<List<CalendarSummary>> list : lists) {
        townCalendars.add(
            summary(list.get(60, TimeUnit.SECONDS), SpaceType.ORGANISATION).calendar().getId());
      }
      assertEquals(1, townCalendars.size(), "every request got the same calendar");
      assertEquals(
          1L,
          data.query(
                  "select count(c) from EventCalendar c where c.space.type = ?1 and c.space.id = ?2",
                  Long.class,
                  SpaceType.ORGANISATION,
                  newTown)
              .get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoParallelChangesOfOneEventOneWinsTheOtherIsToldAndLosesNothing() throws Exception {
    CalendarEvent event = create(clerk, draft("Rada", Visibility.PRIVATE));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<CalendarEvent>> changes = new ArrayList<>();
    try {
      for (AccountPrincipal who : List.of(clerk, colleague)) {
        Callable<CalendarEvent> change =
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return TestSubjects.as(
                  who,
                  () ->
                      update(
                          event,
                          EditScope.SERIES,
                          null,
                          draft("Rada " + who.login(), Visibility.PRIVATE)));
            };
        changes.add(pool.submit(change));
      }
      start.countDown();
      List<String> won = new ArrayList<>();
      int refused = 0;
      for (Future<CalendarEvent> change : changes) {
        try {
          won.add(change.get(60, TimeUnit.SECONDS).getTitle());
        } catch (ExecutionException failed) {
          // The loser is told of a concurrent change: either when its locked read finds the
          // newer version, or, on PostgreSQL (whose row lock Hibernate takes in a second statement
          // that checks the version), as a lost optimistic lock, which pages and the REST API
          // report as the same concurrent change (Failures).
          Throwable cause = failed.getCause();
          assertTrue(
              Failures.businessCause(cause)
                  .filter(ConcurrentChangeException.class::isInstance)
                  .isPresent(),
              cause.toString());
          refused++;
        }
      }
      assertEquals(1, won.size());
      assertEquals(1, refused);
      CalendarEvent stored = TestSubjects.as(clerk, () -> calendars.getEvent(event.getId()));
      assertEquals(won.get(0), stored.getTitle());
      assertEquals(event.getSequence() + 1, stored.getSequence());
      // The one refused reloads and applies the change again.
      CalendarEvent retried =
          TestSubjects.as(
              clerk,
              () ->
                  update(
                      stored,
                      EditScope.SERIES,
                      null,
                      draft("Rada (ponownie)", Visibility.PRIVATE)));
      assertEquals("Rada (ponownie)", retried.getTitle());
    } finally {
      pool.shutdownNow();
    }
  }

  // Helpers

  private CalendarEvent create(AccountPrincipal who, EventDraft draft) throws Exception {
    return TestSubjects.as(who, () -> calendars.createEvent(townCalendar, draft));
  }

  private CalendarEvent update(
      CalendarEvent event, EditScope scope, String occurrence, EventDraft draft) {
    return calendars.updateEvent(
        event.getId(),
        event.getVersion(),
        scope,
        occurrence == null ? null : LocalDateTime.parse(occurrence),
        draft);
  }

  private Void delete(CalendarEvent event, EditScope scope, String occurrence) {
    calendars.deleteEvent(
        event.getId(),
        event.getVersion(),
        scope,
        occurrence == null ? null : LocalDateTime.parse(occurrence));
    return null;
  }

  private static EventDraft draft(String title, Visibility visibility) {
    return timed(title, "2026-06-10T10:00", "2026-06-10T11:00", null, visibility);
  }

  private static EventDraft timed(
      String title, String start, String end, String rule, Visibility visibility) {
    return new EventDraft(
        title,
        "Porządek obrad",
        null,
        Map.of(),
        "Ratusz, sala 1",
        false,
        LocalDateTime.parse(start),
        LocalDateTime.parse(end),
        "Europe/Warsaw",
        rule,
        Set.of("rada"),
        visibility);
  }

  /** The ids of the events the user sees in a calendar in 2026. */
  private Set<Long> shown(AccountPrincipal who, long calendar) throws Exception {
    Callable<List<Occurrence>> read =
        () ->
            calendars.occurrences(
                Set.of(calendar),
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                WARSAW);
    List<Occurrence> found = who == null ? read.call() : TestSubjects.as(who, read);
    Set<Long> ids = new java.util.TreeSet<>();
    found.forEach(o -> ids.add(o.event().getId()));
    return ids;
  }

  /** The starts in Warsaw of the town calendar's occurrences in March and April 2026. */
  private List<String> starts(AccountPrincipal who) throws Exception {
    return TestSubjects.as(
            who,
            () ->
                calendars.occurrences(
                    Set.of(townCalendar),
                    LocalDate.parse("2026-03-01"),
                    LocalDate.parse("2026-05-01"),
                    WARSAW))
        .stream()
        .map(o -> o.startIn(WARSAW).toString().substring(5).replace('T', ' '))
        .toList();
  }

  private static List<Occurrence> of(List<Occurrence> found, CalendarEvent event) {
    return found.stream().filter(o -> o.event().getUid().equals(event.getUid())).toList();
  }

  private void assertRule(Class<? extends BusinessException> rule, EventDraft draft) {
    BusinessException refused = assertThrows(rule, () -> create(clerk, draft));
    assertTrue(refused.getMessageKey().startsWith("calendar.rule."));
  }
}
