package eu.smek.it;

import static eu.smek.it.TestCalendars.calendarOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.calendar.Answer;
import eu.smek.calendar.AnswerInvalidException;
import eu.smek.calendar.Attendee;
import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.EditScope;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.FreeBusy;
import eu.smek.calendar.InvitationTokenInvalidException;
import eu.smek.calendar.Invitee;
import eu.smek.calendar.InviteeType;
import eu.smek.calendar.NotInvitedException;
import eu.smek.calendar.TokenInvitation;
import eu.smek.infrastructure.Failures;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipService;
import eu.smek.membership.Topic;
import eu.smek.membership.WorkingGroup;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.BusinessException;
import eu.smek.shared.Language;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invitations in the container: who an invitation to a person, cell, organisation or working group
 * reaches (each once, never the organiser), answers in the application and by the e-mail's link,
 * wrong and hostile links, answers and invitations at the same time, free/busy, and the e-mails an
 * invitation, a change and a deletion queue.
 */
@ExtendWith(ArquillianExtension.class)
class InvitationIT extends InContainerTest {

  private static final Pattern TOKEN =
      Pattern.compile("/calendar/answer-invitation\\.xhtml\\?token=([A-Za-z0-9_-]+)");

  @EJB(lookup = "java:global/smek/smek-ejb/CalendarService")
  private CalendarService calendars;

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private long town;
  private AccountPrincipal organiser;
  private AccountPrincipal colleague;
  private AccountPrincipal first;
  private AccountPrincipal second;
  private AccountPrincipal foreign;
  private long firstPerson;
  private long secondPerson;
  private long emailOnlyPerson;
  private long townCalendar;

  @BeforeEach
  void town() throws Exception {
    town = data.memberTown("Miasto Sanok " + UUID.randomUUID(), Country.PL);
    long otherTown = data.memberTown("Mesto Snina " + UUID.randomUUID(), Country.SK);
    organiser = data.account(Role.CLERK, data.code(town));
    colleague = data.account(Role.TOWN_COORDINATOR, data.code(town));
    first = data.account(Role.CLERK, data.code(otherTown));
    second = data.account(Role.CLERK, data.code(otherTown));
    foreign = data.account(Role.CLERK, data.code(otherTown));
    List<Long> people = data.people(otherTown, 4, "Kováč");
    firstPerson = people.get(0);
    secondPerson = people.get(1);
    emailOnlyPerson = people.get(2);
    // people.get(3) has neither an account nor an e-mail: invitations do not reach them.
    data.linkAccount(first.accountId(), firstPerson);
    data.linkAccount(second.accountId(), secondPerson);
    data.update(
        "update Person p set p.email = ?1 where p.id = ?2",
        "bez-konta-" + UUID.randomUUID().toString().substring(0, 8) + "@example.sk",
        emailOnlyPerson);
    townCalendar = calendarOf(calendars, organiser, SpaceType.ORGANISATION);
  }

  @Test
  void aPersonAGroupACellAndAnOrganisationReachEachOnceButNeverTheOrganiser() throws Exception {
    CalendarEvent event = create("Rada partnerów");
    long otherTown = organisationOf(first);
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    WorkingGroup group = new WorkingGroup(Topic.TOURISM);
    group.setName(Language.EN, "Trails " + UUID.randomUUID());
    long groupId = TestSubjects.as(admin, () -> membership.createWorkingGroup(group)).getId();
    TestSubjects.run(admin, () -> membership.addWorkingGroupMember(groupId, firstPerson));
    TestSubjects.run(admin, () -> membership.addWorkingGroupMember(groupId, secondPerson));

    List<Attendee> byPerson = invite(event, new Invitee(InviteeType.PERSON, firstPerson));
    List<Attendee> byGroup = invite(event, new Invitee(InviteeType.WORKING_GROUP, groupId));
    List<Attendee> byCell = invite(event, new Invitee(InviteeType.CELL, cellOf(otherTown)));
    List<Attendee> byTowns =
        invite(
            event,
            new Invitee(InviteeType.ORGANISATION, otherTown),
            new Invitee(InviteeType.ORGANISATION, town));

    assertEquals(List.of(first.accountId()), accountsOf(byPerson));
    assertEquals(List.of(second.accountId()), accountsOf(byGroup), "the first is invited");
    assertEquals(1, byCell.size(), "only the person with an e-mail and no account is new");
    assertEquals(emailOnlyPerson, byCell.get(0).getPersonId());
    assertEquals(null, byCell.get(0).getAccountId());
    assertEquals(
        Set.of(foreign.accountId(), colleague.accountId()),
        Set.copyOf(accountsOf(byTowns)),
        "the organiser is not invited to their own event");
    List<Attendee> all = TestSubjects.as(organiser, () -> calendars.attendees(event.getId()));
    assertEquals(5, all.size());
    assertEquals(all.size(), all.stream().map(Attendee::getEmail).distinct().count(), "each once");
    Attendee viaGroup =
        all.stream()
            .filter(a -> Long.valueOf(second.accountId()).equals(a.getAccountId()))
            .findFirst()
            .orElseThrow();
    assertEquals(InviteeType.WORKING_GROUP, viaGroup.getInvitedThroughType());
    assertEquals(groupId, viaGroup.getInvitedThroughId());
    assertTrue(viaGroup.getInvitedThroughName().startsWith("Trails "));
    assertTrue(all.stream().allMatch(a -> a.getAnswer() == Answer.NEEDS_ACTION));
    assertFalse(
        all.stream().anyMatch(a -> a.getTokenHash().length() != 64),
        "only the hash of each secret is kept");
    assertEquals(5, mailsWithMethod(event, "REQUEST").size(), "one invitation each");
    assertTrue(audited(AuditAction.CALENDAR_INVITATION_SENT, event));
  }

  @Test
  void anInviteeAnswersInTheApplicationAndTheOrganiserSeesIt() throws Exception {
    CalendarEvent event = create("Spotkanie – tylko dla zaproszonych");
    invite(event, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    invite(event, new Invitee(InviteeType.ACCOUNT, second.accountId()));

    // An invitee from another town sees the town's private event they are invited to.
    assertEquals(
        event.getTitle(),
        TestSubjects.as(first, () -> calendars.getEvent(event.getId())).getTitle());
    Attendee answered =
        TestSubjects.as(first, () -> calendars.answer(event.getId(), Answer.TENTATIVE));
    assertEquals(Answer.TENTATIVE, answered.getAnswer());
    TestSubjects.as(first, () -> calendars.answer(event.getId(), Answer.ACCEPTED));

    List<Attendee> seenByOrganiser =
        TestSubjects.as(organiser, () -> calendars.attendees(event.getId()));
    Attendee mine = byAccount(seenByOrganiser, first);
    assertEquals(Answer.ACCEPTED, mine.getAnswer());
    assertNotNull(mine.getAnsweredAt());
    assertEquals(Answer.NEEDS_ACTION, byAccount(seenByOrganiser, second).getAnswer());
    List<Attendee> seenByInvitee = TestSubjects.as(first, () -> calendars.attendees(event.getId()));
    assertEquals(List.of(first.accountId()), accountsOf(seenByInvitee), "only their own answer");
    assertEquals(
        Answer.ACCEPTED,
        TestSubjects.as(first, () -> calendars.myInvitation(event.getId()))
            .orElseThrow()
            .getAnswer());

    assertBusiness(
        NotInvitedException.class,
        () -> TestSubjects.as(colleague, () -> calendars.answer(event.getId(), Answer.ACCEPTED)));
    assertBusiness(
        AnswerInvalidException.class,
        () -> TestSubjects.as(first, () -> calendars.answer(event.getId(), Answer.NEEDS_ACTION)));
    assertNotFound(
        () -> TestSubjects.as(foreign, () -> calendars.getEvent(event.getId())),
        "an uninvited clerk of the other town still does not see it");
    assertNotFound(
        () -> TestSubjects.as(foreign, () -> calendars.answer(event.getId(), Answer.ACCEPTED)),
        "nor answer for it");
    assertTrue(audited(AuditAction.CALENDAR_INVITATION_ANSWERED, event));
  }

  @Test
  void theEmailsLinkAnswersWithoutSigningInAndANewerEmailReplacesIt() throws Exception {
    CalendarEvent event = create("Konsultacje");
    invite(event, new Invitee(InviteeType.PERSON, emailOnlyPerson));
    String token = latestToken(event);

    TokenInvitation shown = calendars.invitationByToken(token);
    assertEquals("Konsultacje", shown.title());
    assertEquals(Answer.NEEDS_ACTION, shown.answer());
    assertEquals(Answer.DECLINED, calendars.answerByToken(token, Answer.DECLINED).answer());
    assertEquals(Answer.ACCEPTED, calendars.answerByToken(token, Answer.ACCEPTED).answer());
    assertEquals(
        Answer.ACCEPTED,
        TestSubjects.as(organiser, () -> calendars.attendees(event.getId())).get(0).getAnswer());

    // A change of the event sends a new e-mail with a new link; the older link stops working.
    CalendarEvent changed = update(event, "Konsultacje (nowa sala)");
    String newer = latestToken(event);
    assertFalse(newer.equals(token));
    assertBusiness(InvitationTokenInvalidException.class, () -> calendars.invitationByToken(token));
    assertEquals("Konsultacje (nowa sala)", calendars.invitationByToken(newer).title());
    assertEquals(Answer.ACCEPTED, calendars.invitationByToken(newer).answer(), "answer is kept");

    // Taken off the list: the link no longer works, and a cancellation went out.
    long attendee =
        TestSubjects.as(organiser, () -> calendars.attendees(changed.getId())).get(0).getId();
    TestSubjects.run(organiser, () -> calendars.uninvite(changed.getId(), attendee));
    assertBusiness(InvitationTokenInvalidException.class, () -> calendars.invitationByToken(newer));
    assertEquals(1, mailsWithMethod(event, "CANCEL").size());
    assertTrue(audited(AuditAction.CALENDAR_INVITATION_WITHDRAWN, event));
  }

  @Test
  void wrongAndHostileLinksAreRefusedByName() throws Exception {
    CalendarEvent event = create("Sesja");
    invite(event, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    String token = latestToken(event);
    List<String> wrong =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "x",
                token.substring(1) + "A",
                token.toUpperCase().equals(token) ? token.toLowerCase() : token.toUpperCase(),
                "' or '1'='1",
                "<script>alert(1)</script>",
                "%00",
                "\u0000" + token,
                token + "\n",
                "a".repeat(100_000)));
    for (String link : wrong) {
      assertBusiness(
          InvitationTokenInvalidException.class, () -> calendars.invitationByToken(link));
      assertBusiness(
          InvitationTokenInvalidException.class,
          () -> calendars.answerByToken(link, Answer.ACCEPTED));
    }
    assertBusiness(InvitationTokenInvalidException.class, () -> calendars.invitationByToken(null));
    assertBusiness(
        AnswerInvalidException.class, () -> calendars.answerByToken(token, Answer.NEEDS_ACTION));
    assertEquals(
        Answer.NEEDS_ACTION,
        TestSubjects.as(organiser, () -> calendars.attendees(event.getId())).get(0).getAnswer(),
        "nothing was recorded");

    // An event that is over cannot be answered any more by link.
    CalendarEvent past =
        TestSubjects.as(
            organiser,
            () ->
                calendars.createEvent(
                    townCalendar, draft("Dawno temu", "2020-03-10T10:00", "2020-03-10T11:00")));
    invite(past, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    String pastToken = latestToken(past);
    assertBusiness(
        InvitationTokenInvalidException.class, () -> calendars.invitationByToken(pastToken));
  }

  @Test
  void invalidHostileAndUnauthorisedInvitationsAreRefused() throws Exception {
    CalendarEvent event = create("Narada");
    assertInvalid(() -> invite(event));
    assertInvalid(
        () -> invite(event, Collections.nCopies(51, new Invitee(InviteeType.PERSON, firstPerson))));
    assertInvalid(() -> invite(event, new Invitee(null, firstPerson)));
    assertInvalid(() -> invite(event, new Invitee(InviteeType.PERSON, -5)));
    assertNotFound(
        () -> invite(event, new Invitee(InviteeType.WORKING_GROUP, Long.MAX_VALUE)),
        "an unknown group");
    // Someone who may not change the event may not invite either.
    Throwable refused =
        assertThrows(
            Throwable.class,
            () ->
                TestSubjects.as(
                    foreign,
                    () ->
                        calendars.invite(
                            event.getId(),
                            event.getVersion(),
                            List.of(new Invitee(InviteeType.ACCOUNT, foreign.accountId())))));
    assertTrue(
        Failures.businessCause(refused)
            .filter(RecordNotFoundException.class::isInstance)
            .isPresent(),
        refused.toString());
    // A hostile display name reaches the list as typed, and nothing else.
    data.update(
        "update Account a set a.displayName = ?1 where a.id = ?2",
        "<img src=x onerror=alert(1)>\r\nBcc: victim@example.org",
        second.accountId());
    Attendee hostile = invite(event, new Invitee(InviteeType.ACCOUNT, second.accountId())).get(0);
    assertEquals(
        "<img src=x onerror=alert(1)>\r\nBcc: victim@example.org", hostile.getDisplayName());
    String ics = mailsWithMethod(event, "REQUEST").get(0);
    assertFalse(ics.contains("\r\nBcc:"), "a line break in a name cannot add a line");
  }

  @Test
  void parallelAnswersAndInvitationsLoseNothingAndDuplicateNobody() throws Exception {
    CalendarEvent event = create("Walne zebranie");
    long otherTown = organisationOf(first);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Attendee>>> invitations = new ArrayList<>();
      for (AccountPrincipal who : List.of(organiser, colleague, organiser, colleague)) {
        invitations.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return TestSubjects.as(
                      who,
                      () ->
                          calendars.invite(
                              event.getId(),
                              event.getVersion(),
                              List.of(new Invitee(InviteeType.ORGANISATION, otherTown))));
                }));
      }
      start.countDown();
      int invited = 0;
      for (Future<List<Attendee>> invitation : invitations) {
        invited += invitation.get(60, TimeUnit.SECONDS).size();
      }
      List<Attendee> attendees =
          TestSubjects.as(organiser, () -> calendars.attendees(event.getId()));
      assertEquals(attendees.size(), invited, "each invited by exactly one of the four");
      assertEquals(4, attendees.size(), "three accounts and the person with an e-mail");

      Attendee emailOnly =
          attendees.stream().filter(a -> a.getAccountId() == null).findFirst().orElseThrow();
      String token = tokenOf(event, emailOnly.getEmail());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TokenInvitation>> answers = new ArrayList<>();
      List<Answer> given = List.of(Answer.ACCEPTED, Answer.DECLINED, Answer.TENTATIVE);
      for (int i = 0; i < 6; i++) {
        Answer answer = given.get(i % 3);
        answers.add(
            pool.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  return calendars.answerByToken(token, answer);
                }));
      }
      List<Future<Attendee>> inApp = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Answer answer = given.get(i % 3);
        inApp.add(
            pool.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  return TestSubjects.as(first, () -> calendars.answer(event.getId(), answer));
                }));
      }
      go.countDown();
      for (Future<TokenInvitation> answer : answers) {
        assertTrue(given.contains(answer.get(60, TimeUnit.SECONDS).answer()));
      }
      for (Future<Attendee> answer : inApp) {
        assertTrue(given.contains(answer.get(60, TimeUnit.SECONDS).getAnswer()));
      }
      List<Attendee> after = TestSubjects.as(organiser, () -> calendars.attendees(event.getId()));
      assertTrue(given.contains(byAccount(after, first).getAnswer()));
      assertTrue(
          given.contains(
              after.stream()
                  .filter(a -> a.getAccountId() == null)
                  .findFirst()
                  .orElseThrow()
                  .getAnswer()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void freeBusyShowsWhenInviteesAreTakenButNotWhatTheyDeclined() throws Exception {
    CalendarEvent busy = create("Zajęte");
    CalendarEvent declined =
        TestSubjects.as(
            organiser,
            () ->
                calendars.createEvent(
                    townCalendar, draft("Odrzucone", "2027-03-10T14:00", "2027-03-10T15:00")));
    invite(busy, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    invite(declined, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    TestSubjects.as(first, () -> calendars.answer(declined.getId(), Answer.DECLINED));

    ZoneId bratislava = ZoneId.of("Europe/Bratislava");
    List<FreeBusy> view =
        TestSubjects.as(
            organiser,
            () ->
                calendars.freeBusy(
                    List.of(
                        new Invitee(InviteeType.ACCOUNT, first.accountId()),
                        new Invitee(InviteeType.ACCOUNT, colleague.accountId())),
                    LocalDate.parse("2027-03-08"),
                    LocalDate.parse("2027-03-15"),
                    bratislava));
    assertEquals(2, view.size());
    FreeBusy firstBusy = view.get(0);
    assertEquals(1, firstBusy.busy().size(), firstBusy.toString());
    assertEquals(
        LocalDateTime.parse("2027-03-10T10:00"),
        firstBusy.busy().get(0).start().toLocalDateTime(),
        "same zone offset in March for Warsaw and Bratislava");
    assertEquals(List.of(), view.get(1).busy());
    // The organiser is busy with what they organise.
    List<FreeBusy> organisers =
        TestSubjects.as(
            colleague,
            () ->
                calendars.freeBusy(
                    List.of(new Invitee(InviteeType.ACCOUNT, organiser.accountId())),
                    LocalDate.parse("2027-03-08"),
                    LocalDate.parse("2027-03-15"),
                    bratislava));
    assertEquals(2, organisers.get(0).busy().size());
    assertBusiness(
        eu.smek.calendar.RangeTooLongException.class,
        () ->
            TestSubjects.as(
                organiser,
                () ->
                    calendars.freeBusy(
                        List.of(new Invitee(InviteeType.ACCOUNT, first.accountId())),
                        LocalDate.parse("2027-01-01"),
                        LocalDate.parse("2027-12-31"),
                        bratislava)));
  }

  @Test
  void aChangeRaisesTheSequenceAndADeletionCancelsWithTheSameUid() throws Exception {
    CalendarEvent event = create("Posiedzenie zarządu");
    invite(event, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    String invitation = mailsWithMethod(event, "REQUEST").get(0);
    assertTrue(invitation.contains("\r\nSEQUENCE:" + event.getSequence() + "\r\n"), invitation);
    assertTrue(invitation.contains("BEGIN:VTIMEZONE"), invitation);

    CalendarEvent changed = update(event, "Posiedzenie zarządu (przeniesione)");
    assertTrue(changed.getSequence() > event.getSequence());
    List<String> requests = mailsWithMethod(event, "REQUEST");
    assertEquals(2, requests.size());
    assertTrue(requests.get(1).contains("\r\nSEQUENCE:" + changed.getSequence() + "\r\n"));
    assertTrue(requests.get(1).contains("\r\nUID:" + event.getUid() + "\r\n"));

    CalendarEvent stored = TestSubjects.as(organiser, () -> calendars.getEvent(event.getId()));
    TestSubjects.run(
        organiser,
        () -> calendars.deleteEvent(stored.getId(), stored.getVersion(), EditScope.SERIES, null));
    List<String> cancels = mailsWithMethod(event, "CANCEL");
    assertEquals(1, cancels.size());
    assertTrue(cancels.get(0).contains("\r\nMETHOD:CANCEL\r\n"));
    assertTrue(cancels.get(0).contains("\r\nSEQUENCE:" + (changed.getSequence() + 1) + "\r\n"));
    assertEquals(
        0L,
        data.query(
                "select count(a) from Attendee a where a.event.id = ?1", Long.class, event.getId())
            .get(0));
  }

  @Test
  void splittingASeriesInvitesTheAttendeesToTheNewSeriesWithTheirAnswers() throws Exception {
    CalendarEvent series =
        TestSubjects.as(
            organiser,
            () ->
                calendars.createEvent(
                    townCalendar,
                    new EventDraft(
                        "Dyżur",
                        null,
                        null,
                        Map.of(),
                        null,
                        false,
                        LocalDateTime.parse("2027-04-05T09:00"),
                        LocalDateTime.parse("2027-04-05T10:00"),
                        "Europe/Warsaw",
                        "FREQ=WEEKLY;COUNT=6",
                        Set.of(),
                        Visibility.PRIVATE)));
    invite(series, new Invitee(InviteeType.ACCOUNT, first.accountId()));
    TestSubjects.as(first, () -> calendars.answer(series.getId(), Answer.ACCEPTED));
    CalendarEvent current = TestSubjects.as(organiser, () -> calendars.getEvent(series.getId()));

    CalendarEvent next =
        TestSubjects.as(
            organiser,
            () ->
                calendars.updateEvent(
                    current.getId(),
                    current.getVersion(),
                    EditScope.THIS_AND_FOLLOWING,
                    LocalDateTime.parse("2027-04-19T09:00"),
                    new EventDraft(
                        "Dyżur (później)",
                        null,
                        null,
                        Map.of(),
                        null,
                        false,
                        LocalDateTime.parse("2027-04-19T11:00"),
                        LocalDateTime.parse("2027-04-19T12:00"),
                        "Europe/Warsaw",
                        "FREQ=WEEKLY;COUNT=6",
                        Set.of(),
                        Visibility.PRIVATE)));

    assertFalse(next.getUid().equals(series.getUid()));
    List<Attendee> copied = TestSubjects.as(organiser, () -> calendars.attendees(next.getId()));
    assertEquals(List.of(first.accountId()), accountsOf(copied));
    assertEquals(Answer.ACCEPTED, copied.get(0).getAnswer(), "the answer goes with them");
    assertEquals(2, mailsWithMethod(series, "REQUEST").size(), "the invitation and the update");
    assertEquals(1, mailsWithMethod(next, "REQUEST").size(), "the new series");
    assertTrue(mailsWithMethod(series, "REQUEST").get(1).contains("UNTIL="), "the old one ends");
  }

  // Helpers

  private CalendarEvent create(String title) throws Exception {
    return TestSubjects.as(
        organiser,
        () ->
            calendars.createEvent(
                townCalendar, draft(title, "2027-03-10T10:00", "2027-03-10T11:30")));
  }

  private CalendarEvent update(CalendarEvent event, String title) throws Exception {
    CalendarEvent current = TestSubjects.as(organiser, () -> calendars.getEvent(event.getId()));
    return TestSubjects.as(
        organiser,
        () ->
            calendars.updateEvent(
                current.getId(),
                current.getVersion(),
                EditScope.SERIES,
                null,
                draft(title, "2027-03-10T12:00", "2027-03-10T13:30")));
  }

  private static EventDraft draft(String title, String start, String end) {
    return new EventDraft(
        title,
        "Porządek obrad",
        null,
        Map.of(),
        "Ratusz, sala 2",
        false,
        LocalDateTime.parse(start),
        LocalDateTime.parse(end),
        "Europe/Warsaw",
        null,
        Set.of(),
        Visibility.PRIVATE);
  }

  private List<Attendee> invite(CalendarEvent event, Invitee... invitees) throws Exception {
    return invite(event, List.of(invitees));
  }

  private List<Attendee> invite(CalendarEvent event, List<Invitee> invitees) throws Exception {
    CalendarEvent current = TestSubjects.as(organiser, () -> calendars.getEvent(event.getId()));
    return TestSubjects.as(
        organiser, () -> calendars.invite(current.getId(), current.getVersion(), invitees));
  }

  /** The iCalendar texts queued for the event with the method, oldest first. */
  private List<String> mailsWithMethod(CalendarEvent event, String method) {
    return data
        .query(
            "select m.calendarText from OutgoingMail m where m.calendarMethod = ?1 order by m.id",
            String.class,
            method)
        .stream()
        .filter(text -> text.contains("\r\nUID:" + event.getUid() + "\r\n"))
        .toList();
  }

  /** The answer link's secret in the latest e-mail about the event. */
  private String latestToken(CalendarEvent event) {
    List<String> bodies =
        data.query(
            "select m.body from OutgoingMail m where m.calendarText like ?1 order by m.id",
            String.class,
            "%UID:" + event.getUid() + "%");
    Matcher link = TOKEN.matcher(bodies.get(bodies.size() - 1));
    assertTrue(link.find(), bodies.get(bodies.size() - 1));
    return link.group(1);
  }

  private String tokenOf(CalendarEvent event, String recipient) {
    List<String> bodies =
        data.query(
            "select m.body from OutgoingMail m where m.calendarText like ?1 and m.recipient = ?2"
                + " order by m.id",
            String.class,
            "%UID:" + event.getUid() + "%",
            recipient);
    Matcher link = TOKEN.matcher(bodies.get(bodies.size() - 1));
    assertTrue(link.find());
    return link.group(1);
  }

  private boolean audited(AuditAction action, CalendarEvent event) {
    return !data.query(
            "select e.id from AuditEntry e where e.action = ?1 and e.target = ?2",
            Long.class,
            action,
            "calendar-event:" + event.getId())
        .isEmpty();
  }

  private static Attendee byAccount(List<Attendee> attendees, AccountPrincipal who) {
    return attendees.stream()
        .filter(a -> Long.valueOf(who.accountId()).equals(a.getAccountId()))
        .findFirst()
        .orElseThrow();
  }

  private static List<Long> accountsOf(List<Attendee> attendees) {
    return attendees.stream().map(Attendee::getAccountId).collect(Collectors.toList());
  }

  private long organisationOf(AccountPrincipal who) {
    return data.query(
            "select a.organisation.id from Account a where a.id = ?1", Long.class, who.accountId())
        .get(0);
  }

  private long cellOf(long organisationId) {
    return data.query(
            "select c.id from Cell c where c.organisation.id = ?1", Long.class, organisationId)
        .get(0);
  }

  private static void assertBusiness(
      Class<? extends BusinessException> expected, org.junit.jupiter.api.function.Executable call) {
    Throwable refused = assertThrows(Throwable.class, call);
    assertTrue(
        Failures.businessCause(refused).filter(expected::isInstance).isPresent(),
        "expected " + expected.getSimpleName() + ", got " + refused);
  }

  private static void assertNotFound(org.junit.jupiter.api.function.Executable call, String why) {
    Throwable refused = assertThrows(Throwable.class, call);
    assertTrue(
        Failures.businessCause(refused)
            .filter(RecordNotFoundException.class::isInstance)
            .isPresent(),
        why + ": " + refused);
  }

  private static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
    EJBException refused = assertThrows(EJBException.class, call);
    assertTrue(Failures.invalidArguments(refused).isPresent(), refused.toString());
  }
}
