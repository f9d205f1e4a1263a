package eu.smek.it;

import static eu.smek.it.Api.array;
import static eu.smek.it.Api.assertProblem;
import static eu.smek.it.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Visibility;
import eu.smek.telesession.AgendaItem;
import eu.smek.telesession.AgendaItemDraft;
import eu.smek.telesession.AlreadyVotedException;
import eu.smek.telesession.Choice;
import eu.smek.telesession.IllegalTransitionException;
import eu.smek.telesession.Motion;
import eu.smek.telesession.MotionClosedException;
import eu.smek.telesession.NotEntitledToVoteException;
import eu.smek.telesession.NotPresentException;
import eu.smek.telesession.Quorum;
import eu.smek.telesession.Telesession;
import eu.smek.telesession.TelesessionDraft;
import eu.smek.telesession.TelesessionService;
import eu.smek.telesession.TelesessionStatus;
import eu.smek.telesession.VoteKind;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Telesessions in the container: a whole session (scheduled as a calendar event with invitations,
 * opened, attended, a roll-call motion adopted and numbered, a secret motion whose ballots keep no
 * choice, closed); the refusals (a second ballot, a clerk voting, an absent organisation, a closed
 * motion, illegal moves, an uninvited reader, a stale version); hostile input over REST; and
 * concurrency (one organisation's two ballots at once, two motions closed at once).
 */
@ExtendWith(ArquillianExtension.class)
class TelesessionIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/TelesessionService")
  private TelesessionService telesessions;

  private final Api api = new Api(Http.local());

  private long town;
  private long otherTown;
  private AccountPrincipal coordinator;
  private AccountPrincipal secretary;
  private AccountPrincipal otherCoordinator;
  private AccountPrincipal otherClerk;
  private AccountPrincipal outsider;

  @BeforeEach
  void twoTownsAndAnOutsider() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    town = data.memberTown("Miasto Krosno " + unique, Country.PL);
    otherTown = data.memberTown("Mesto Svidník " + unique, Country.SK);
    long thirdTown = data.memberTown("Mesto Bardejov " + unique, Country.SK);
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(town));
    secretary = data.account(Role.CLERK, data.code(town));
    otherCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    otherClerk = data.account(Role.CLERK, data.code(otherTown));
    outsider = data.account(Role.CLERK, data.code(thirdTown));
  }

  @Test
  void aWholeSessionFromSchedulingToClosing() throws Exception {
    Telesession session = schedule("Rada sieci", Visibility.PRIVATE, new Quorum(0, 1, false));
    assertEquals(TelesessionStatus.PLANNED, session.getStatus());
    // Scheduled as an event of the town's calendar, the other town invited through the calendar.
    assertEquals(
        1L,
        data.query(
                "select count(a) from Attendee a where a.event.id = ?1 and a.accountId = ?2",
                Long.class,
                session.getEventId(),
                otherCoordinator.accountId())
            .get(0));
    AgendaItem budget = item(session, "Rozpočet 2027");
    AgendaItem statute = item(session, "Zmena stanov");
    TestSubjects.run(
        coordinator,
        () -> telesessions.reorder(session.getId(), List.of(statute.getId(), budget.getId())));
    assertEquals(
        List.of("Zmena stanov", "Rozpočet 2027"),
        TestSubjects.as(coordinator, () -> telesessions.agenda(session.getId())).stream()
            .map(AgendaItem::getTitle)
            .toList());

    open(session);
    TestSubjects.run(coordinator, () -> telesessions.join(session.getId()));
    TestSubjects.run(otherCoordinator, () -> telesessions.join(session.getId()));
    TestSubjects.run(otherClerk, () -> telesessions.join(session.getId()));
    // Someone on the phone, added by the secretary with a note.
    TestSubjects.run(
        secretary,
        () ->
            telesessions.correctAttendance(
                session.getId(),
                null,
                0,
                secretary.accountId(),
                java.time.Instant.now(),
                null,
                "=telefonicky"));
    String csv = TestSubjects.as(secretary, () -> telesessions.attendanceCsv(session.getId()));
    assertTrue(csv.startsWith("account,name,organisation,"), csv);
    assertTrue(csv.contains(",CORRECTED,'=telefonicky,"), csv);
    assertEquals(5, csv.split("\r\n").length, csv);

    // A roll-call vote: adopted and numbered n/yyyy.
    Motion budgetVote = motion(session, budget, VoteKind.ROLL_CALL);
    vote(coordinator, budgetVote, Choice.YES);
    vote(otherCoordinator, budgetVote, Choice.NO);
    // A clerk may not vote for their town, and a town votes once.
    assertRule(NotEntitledToVoteException.class, () -> vote(otherClerk, budgetVote, Choice.YES));
    assertRule(AlreadyVotedException.class, () -> vote(coordinator, budgetVote, Choice.NO));
    Motion tied = close(budgetVote);
    assertFalse(tied.getAdopted(), "a tie is not adopted");
    assertNull(tied.getResolution());
    assertRule(MotionClosedException.class, () -> vote(otherCoordinator, budgetVote, Choice.YES));

    Motion again = motion(session, budget, VoteKind.ROLL_CALL);
    vote(coordinator, again, Choice.YES);
    // The other town designates its clerk, who votes for it.
    TestSubjects.run(
        otherCoordinator,
        () ->
            telesessions.designate(
                session.getId(), reload(session).getVersion(), otherClerk.accountId()));
    vote(otherClerk, again, Choice.ABSTAIN);
    Motion adopted = close(again);
    assertTrue(adopted.getAdopted());
    assertTrue(adopted.getQuorumReached());
    assertEquals(2, adopted.getPresent());
    assertTrue(
        adopted.getResolution().matches("\\d+/" + adopted.getResolutionYear()),
        adopted.getResolution());
    assertEquals(
        List.of(Choice.YES, Choice.ABSTAIN),
        data.query(
            "select b.choice from Ballot b where b.motionId = ?1 order by b.organisationId",
            Choice.class,
            again.getId()));

    // A secret vote: the ballots keep who voted, never what, nor when.
    Motion secret = motion(session, statute, VoteKind.SECRET);
    vote(coordinator, secret, Choice.NO);
    vote(otherCoordinator, secret, Choice.YES);
    assertNull(TestSubjects.as(coordinator, () -> telesessions.result(secret.getId())).yes());
    List<?> ballots =
        data.nativeQuery(
            "select choice, cast_at from telesession_ballot where motion_id = " + secret.getId());
    assertEquals(2, ballots.size());
    for (Object row : ballots) {
      Object[] columns = (Object[]) row;
      assertNull(columns[0]);
      assertNull(columns[1]);
    }
    Motion secretResult = close(secret);
    assertEquals(1, secretResult.getYes());
    assertEquals(1, secretResult.getNo());

    // A town whose coordinator has left cannot vote.
    Motion late = motion(session, budget, VoteKind.ROLL_CALL);
    TestSubjects.run(coordinator, () -> telesessions.leave(session.getId()));
    assertRule(NotPresentException.class, () -> vote(coordinator, late, Choice.YES));
    close(late);

    Telesession closed =
        TestSubjects.as(
            coordinator,
            () ->
                telesessions.transition(
                    session.getId(), reload(session).getVersion(), TelesessionStatus.CLOSED));
    assertEquals(TelesessionStatus.CLOSED, closed.getStatus());
    assertTrue(
        TestSubjects.as(coordinator, () -> telesessions.attendance(session.getId())).stream()
            .allMatch(a -> a.getLeftAt() != null));
  }

  @Test
  void theDefaultQuorumOfMoreThanHalfOfTheRegisterIsNotReachedByTwoTowns() throws Exception {
    Telesession session = schedule("Malá rada", Visibility.NETWORK, null);
    assertEquals(Quorum.moreThanHalf(), session.getQuorum());
    AgendaItem item = item(session, "Bod");
    open(session);
    TestSubjects.run(coordinator, () -> telesessions.join(session.getId()));
    Motion motion = motion(session, item, VoteKind.ROLL_CALL);
    vote(coordinator, motion, Choice.YES);
    Motion result = close(motion);
    assertFalse(result.getQuorumReached());
    assertFalse(result.getAdopted());
    assertTrue(result.getMembers() > 13);
  }

  @Test
  void refusals() throws Exception {
    Telesession session = schedule("Súkromná rada", Visibility.PRIVATE, null);
    // An uninvited user does not even learn that it exists.
    assertNotFound(() -> TestSubjects.as(outsider, () -> telesessions.get(session.getId())));
    assertFalse(
        TestSubjects.as(outsider, () -> telesessions.list()).stream()
            .anyMatch(t -> t.getId().equals(session.getId())));
    // Illegal moves and a stale version.
    assertRule(
        IllegalTransitionException.class,
        () ->
            TestSubjects.as(
                coordinator,
                () ->
                    telesessions.transition(
                        session.getId(), session.getVersion(), TelesessionStatus.CLOSED)));
    open(session);
    assertRule(
        ConcurrentChangeException.class,
        () ->
            TestSubjects.as(
                coordinator,
                () ->
                    telesessions.transition(
                        session.getId(), session.getVersion(), TelesessionStatus.CLOSED)));
    // The other town's coordinator sees the session but may not run it.
    assertRule(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                otherCoordinator,
                () ->
                    telesessions.transition(
                        session.getId(), reload(session).getVersion(), TelesessionStatus.CLOSED)));
  }

  @Test
  void oneOrganisationsTwoBallotsAtOnceCountOnce() throws Exception {
    Telesession session = schedule("Súbeh", Visibility.NETWORK, new Quorum(0, 1, false));
    AgendaItem item = item(session, "Bod");
    open(session);
    TestSubjects.run(otherCoordinator, () -> telesessions.join(session.getId()));
    TestSubjects.run(
        otherCoordinator,
        () ->
            telesessions.designate(
                session.getId(), reload(session).getVersion(), otherClerk.accountId()));
    TestSubjects.run(otherClerk, () -> telesessions.join(session.getId()));
    Motion motion = motion(session, item, VoteKind.SECRET);
    List<Throwable> outcomes =
        concurrently(
            List.of(
                () -> vote(otherCoordinator, motion, Choice.YES),
                () -> vote(otherClerk, motion, Choice.NO)));
    assertEquals(1, outcomes.stream().filter(o -> o == null).count(), outcomes.toString());
    Motion result = close(motion);
    assertEquals(1, result.getYes() + result.getNo());
    assertEquals(
        1L,
        data.query(
                "select count(b) from Ballot b where b.motionId = ?1", Long.class, motion.getId())
            .get(0));
  }

  @Test
  void twoMotionsClosedAtOnceGetConsecutiveResolutionNumbers() throws Exception {
    Telesession first = schedule("Prvá", Visibility.NETWORK, new Quorum(0, 1, false));
    Telesession second = schedule("Druhá", Visibility.NETWORK, new Quorum(0, 1, false));
    AgendaItem firstItem = item(first, "Bod");
    AgendaItem secondItem = item(second, "Bod");
    open(first);
    open(second);
    TestSubjects.run(coordinator, () -> telesessions.join(first.getId()));
    TestSubjects.run(coordinator, () -> telesessions.join(second.getId()));
    Motion a = motion(first, firstItem, VoteKind.ROLL_CALL);
    Motion b = motion(second, secondItem, VoteKind.ROLL_CALL);
    vote(coordinator, a, Choice.YES);
    vote(coordinator, b, Choice.YES);
    List<Throwable> outcomes = concurrently(List.of(() -> close(a), () -> close(b)));
    assertTrue(outcomes.stream().allMatch(o -> o == null), outcomes.toString());
    List<Integer> numbers =
        data.query(
            "select m.resolutionNumber from Motion m where m.id in (?1, ?2)"
                + " order by m.resolutionNumber",
            Integer.class,
            a.getId(),
            b.getId());
    assertEquals(2, numbers.size());
    assertEquals(numbers.get(0) + 1, numbers.get(1), numbers.toString());
  }

  @Test
  void overRest() throws Exception {
    String script = "<script>alert('x')</script>";
    HttpResponse<String> created =
        api.created(
            coordinator,
            "/api/v1/telesessions",
            Json.createObjectBuilder()
                .add("title", script)
                .add("start", "2027-03-19T10:00")
                .add("end", "2027-03-19T12:00")
                .add("timeZone", "Europe/Warsaw")
                .add("visibility", "PRIVATE")
                .add("chairAccountId", coordinator.accountId())
                .add("secretaryAccountId", secretary.accountId())
                .add("organisations", Json.createArrayBuilder().add(otherTown)));
    long id = object(created).getJsonNumber("id").longValue();
    long version = object(created).getJsonNumber("version").longValue();
    // Stored and returned verbatim: JSON is no HTML, the pages escape it.
    assertEquals(
        script, object(api.get(coordinator, "/api/v1/telesessions/" + id)).getString("title"));
    assertEquals(
        script,
        object(api.get(otherClerk, "/api/v1/telesessions/" + id)).getString("title"),
        "invited through the town");
    assertProblem(api.get(outsider, "/api/v1/telesessions/" + id), 404, "error.recordNotFound");
    assertEquals(404, api.get(coordinator, "/api/v1/telesessions/-1").statusCode());
    assertEquals(404, api.get(coordinator, "/api/v1/telesessions/abc").statusCode());
    assertProblem(
        api.send(
            coordinator,
            "POST",
            "/api/v1/telesessions",
            Json.createObjectBuilder()
                .add("title", "x".repeat(301))
                .add("start", "2027-03-19T10:00")
                .add("end", "2027-03-19T12:00")
                .add("timeZone", "Europe/Warsaw")
                .add("visibility", "PRIVATE")
                .add("chairAccountId", coordinator.accountId())
                .add("secretaryAccountId", secretary.accountId())),
        400,
        "telesession.api.invalidFields",
        "title");
    assertProblem(
        api.send(
            coordinator,
            "POST",
            "/api/v1/telesessions/" + id + "/status",
            Json.createObjectBuilder().add("version", version).add("status", "CLOSED")),
        422,
        "telesession.status.illegal");
    assertProblem(
        api.send(
            coordinator,
            "POST",
            "/api/v1/telesessions/" + id + "/status",
            Json.createObjectBuilder().add("version", version + 99).add("status", "OPEN")),
        409,
        "error.concurrentChange");
    assertEquals(
        1,
        array(api.get(coordinator, "/api/v1/telesessions")).stream()
            .filter(t -> t.asJsonObject().getJsonNumber("id").longValue() == id)
            .count());
    HttpResponse<String> csv =
        api.get(coordinator, "/api/v1/telesessions/" + id + "/attendance.csv");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().startsWith("account,name,"), csv.body());
  }

  // Helpers

  private Telesession schedule(String title, Visibility visibility, Quorum quorum)
      throws Exception {
    return TestSubjects.as(
        coordinator,
        () ->
            telesessions.create(
                new TelesessionDraft(
                    title,
                    null,
                    LocalDateTime.of(2027, 3, 19, 10, 0),
                    LocalDateTime.of(2027, 3, 19, 12, 0),
                    "Europe/Warsaw",
                    visibility,
                    coordinator.accountId(),
                    secretary.accountId(),
                    quorum,
                    Set.of(otherTown),
                    Set.of())));
  }

  private AgendaItem item(Telesession session, String title) throws Exception {
    return TestSubjects.as(
        coordinator,
        () -> telesessions.addAgendaItem(session.getId(), new AgendaItemDraft(title, "Ján", 20)));
  }

  private void open(Telesession session) throws Exception {
    TestSubjects.run(
        coordinator,
        () ->
            telesessions.transition(
                session.getId(), reload(session).getVersion(), TelesessionStatus.OPEN));
  }

  private Telesession reload(Telesession session) {
    return data.query(
            "select t from Telesession t where t.id = ?1", Telesession.class, session.getId())
        .get(0);
  }

  private Motion motion(Telesession session, AgendaItem item, VoteKind kind) throws Exception {
    return TestSubjects.as(
        coordinator,
        () -> telesessions.openMotion(session.getId(), item.getId(), "Schvaľuje sa bod", kind));
  }

  private Void vote(AccountPrincipal who, Motion motion, Choice choice) throws Exception {
    TestSubjects.run(who, () -> telesessions.cast(motion.getId(), choice));
    return null;
  }

  private Motion close(Motion motion) throws Exception {
    return TestSubjects.as(coordinator, () -> telesessions.closeMotion(motion.getId()));
  }

  private static void assertRule(Class<? extends BusinessException> rule, Callable<?> call) {
    Throwable refused = assertThrows(Throwable.class, call::call);
    Throwable cause =
        refused instanceof EJBException && refused.getCause() != null
            ? refused.getCause()
            : refused;
    assertTrue(rule.isInstance(cause), refused.toString());
  }
}
