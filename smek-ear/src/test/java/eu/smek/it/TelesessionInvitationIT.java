package eu.smek.it;

import static eu.smek.it.Api.assertProblem;
import static eu.smek.it.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.Visibility;
import eu.smek.telesession.InvitationsClosedException;
import eu.smek.telesession.Telesession;
import eu.smek.telesession.TelesessionDraft;
import eu.smek.telesession.TelesessionService;
import eu.smek.telesession.TelesessionStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
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
 * Withdrawing invitations to a telesession: an organisation's people and a person invited in person
 * get the calendar's cancellation (iMIP CANCEL) and lose sight of a private session; audited; the
 * refusals (someone who does not run the session, a closed session, unknown ids); two withdrawals
 * at once; and the REST endpoints.
 */
@ExtendWith(ArquillianExtension.class)
class TelesessionInvitationIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/TelesessionService")
  private TelesessionService telesessions;

  private final Api api = new Api(Http.local());

  private long otherTown;
  private long thirdTown;
  private AccountPrincipal coordinator;
  private AccountPrincipal secretary;
  private AccountPrincipal otherCoordinator;
  private AccountPrincipal thirdClerk;
  private AccountPrincipal guest;

  @BeforeEach
  void threeTownsAndAGuest() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long town = data.memberTown("Miasto Sanok " + unique, Country.PL);
    otherTown = data.memberTown("Mesto Stropkov " + unique, Country.SK);
    thirdTown = data.memberTown("Miasto Krosno " + unique, Country.PL);
    long guestTown = data.memberTown("Mesto Giraltovce " + unique, Country.SK);
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(town));
    secretary = data.account(Role.CLERK, data.code(town));
    otherCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    thirdClerk = data.account(Role.CLERK, data.code(thirdTown));
    guest = data.account(Role.CLERK, data.code(guestTown));
  }

  @Test
  void withdrawnInviteesGetTheCalendarsCancellationAndNoLongerSeeTheSession() throws Exception {
    Telesession session = schedule();
    assertEquals(1L, attendees(session, otherCoordinator));
    assertEquals(1L, attendees(session, guest));

    Telesession changed =
        TestSubjects.as(
            coordinator, () -> telesessions.withdrawOrganisation(session.getId(), otherTown));
    assertEquals(Set.of(thirdTown), changed.getInvitedOrganisations());
    assertEquals(0L, attendees(session, otherCoordinator));
    assertEquals(1L, attendees(session, thirdClerk), "the other organisation stays invited");
    Mailbox.awaitRaw(email(otherCoordinator), raw -> raw.contains("METHOD:CANCEL"));
    assertNotFound(
        () -> TestSubjects.as(otherCoordinator, () -> telesessions.get(session.getId())));

    // Over REST, a person invited in person.
    HttpResponse<String> withdrawn =
        api.send(
            coordinator,
            "DELETE",
            "/api/v1/telesessions/" + session.getId() + "/invitations/people/" + guest.accountId(),
            null);
    assertEquals(200, withdrawn.statusCode(), withdrawn.body());
    assertTrue(object(withdrawn).getJsonArray("accounts").isEmpty(), withdrawn.body());
    assertEquals(0L, attendees(session, guest));
    Mailbox.awaitRaw(email(guest), raw -> raw.contains("METHOD:CANCEL"));
    assertProblem(
        api.get(guest, "/api/v1/telesessions/" + session.getId()), 404, "error.recordNotFound");

    assertEquals(
        List.of("account:" + guest.accountId(), "organisation:" + otherTown),
        data.query(
            "select e.details from AuditEntry e where e.action = ?1 and e.target = ?2"
                + " order by e.details",
            String.class,
            AuditAction.TELESESSION_INVITATION_WITHDRAWN,
            "telesession:" + session.getId()));
  }

  @Test
  void refusedToOthersOnceClosedAndForUnknownIds() throws Exception {
    Telesession session = schedule();
    String path = "/api/v1/telesessions/" + session.getId() + "/invitations/";
    // An invited coordinator sees the session but does not run it.
    assertRefused(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                otherCoordinator,
                () -> telesessions.withdrawOrganisation(session.getId(), thirdTown)));
    assertEquals(
        403,
        api.send(otherCoordinator, "DELETE", path + "organisations/" + thirdTown, null)
            .statusCode());
    // Unknown session, organisation not invited, account not invited, not a number.
    assertProblem(
        api.send(
            coordinator,
            "DELETE",
            "/api/v1/telesessions/999999999/invitations/organisations/" + thirdTown,
            null),
        404,
        "error.recordNotFound");
    assertProblem(
        api.send(coordinator, "DELETE", path + "organisations/999999999", null),
        404,
        "error.recordNotFound");
    assertProblem(
        api.send(coordinator, "DELETE", path + "people/" + thirdClerk.accountId(), null),
        404,
        "error.recordNotFound");
    assertEquals(404, api.send(coordinator, "DELETE", path + "people/..%2F1", null).statusCode());
    assertEquals(Set.of(otherTown, thirdTown), reload(session).getInvitedOrganisations());

    // Still allowed while the session is open; no longer once it has closed.
    move(session, TelesessionStatus.OPEN);
    TestSubjects.run(
        coordinator, () -> telesessions.withdrawOrganisation(session.getId(), otherTown));
    move(session, TelesessionStatus.CLOSED);
    assertRefused(
        InvitationsClosedException.class,
        () ->
            TestSubjects.as(
                coordinator, () -> telesessions.withdrawOrganisation(session.getId(), thirdTown)));
    JsonObject problem =
        assertProblem(
            api.send(
                coordinator,
                "DELETE",
                path + "organisations/" + thirdTown,
                null,
                "Accept-Language",
                "pl"),
            422,
            "telesession.invitation.closed");
    assertTrue(problem.getString("detail").contains("zamknięta"), problem.toString());
    assertEquals(1L, attendees(session, thirdClerk), "kept");
    assertEquals(Set.of(thirdTown), reload(session).getInvitedOrganisations());
  }

  @Test
  void twoWithdrawalsAtOnce() throws Exception {
    Telesession session = schedule();
    // Two different invitations at once: both go.
    List<Throwable> outcomes =
        concurrently(
            List.of(
                () ->
                    TestSubjects.as(
                        coordinator,
                        () -> telesessions.withdrawOrganisation(session.getId(), otherTown)),
                () ->
                    TestSubjects.as(
                        coordinator,
                        () -> telesessions.withdrawAccount(session.getId(), guest.accountId()))));
    assertTrue(outcomes.stream().allMatch(o -> o == null), outcomes.toString());
    Telesession after = reload(session);
    assertEquals(Set.of(thirdTown), after.getInvitedOrganisations());
    assertTrue(after.getInvitedAccounts().isEmpty());
    assertEquals(0L, attendees(session, otherCoordinator));
    assertEquals(0L, attendees(session, guest));

    // The same invitation twice at once: one withdraws it, the other finds it gone.
    outcomes =
        concurrently(
            List.of(
                () ->
                    TestSubjects.as(
                        coordinator,
                        () -> telesessions.withdrawOrganisation(session.getId(), thirdTown)),
                () ->
                    TestSubjects.as(
                        coordinator,
                        () -> telesessions.withdrawOrganisation(session.getId(), thirdTown))));
    assertEquals(1, outcomes.stream().filter(o -> o == null).count(), outcomes.toString());
    assertTrue(
        outcomes.stream()
            .filter(o -> o != null)
            .allMatch(o -> cause(o) instanceof RecordNotFoundException),
        outcomes.toString());
    assertTrue(reload(session).getInvitedOrganisations().isEmpty());
    assertEquals(
        1L,
        data.query(
                "select count(e) from AuditEntry e where e.action = ?1 and e.target = ?2"
                    + " and e.details = ?3",
                Long.class,
                AuditAction.TELESESSION_INVITATION_WITHDRAWN,
                "telesession:" + session.getId(),
                "organisation:" + thirdTown)
            .get(0));
  }

  // Helpers

  private Telesession schedule() throws Exception {
    return TestSubjects.as(
        coordinator,
        () ->
            telesessions.create(
                new TelesessionDraft(
                    "Rada sieci",
                    null,
                    LocalDateTime.of(2027, 4, 16, 10, 0),
                    LocalDateTime.of(2027, 4, 16, 12, 0),
                    "Europe/Warsaw",
                    Visibility.PRIVATE,
                    coordinator.accountId(),
                    secretary.accountId(),
                    null,
                    Set.of(otherTown, thirdTown),
                    Set.of(guest.accountId()))));
  }

  private void move(Telesession session, TelesessionStatus target) throws Exception {
    TestSubjects.run(
        coordinator,
        () -> telesessions.transition(session.getId(), reload(session).getVersion(), target));
  }

  private Telesession reload(Telesession session) {
    return data.query(
            "select t from Telesession t where t.id = ?1", Telesession.class, session.getId())
        .get(0);
  }

  private long attendees(Telesession session, AccountPrincipal who) {
    return data.query(
            "select count(a) from Attendee a where a.event.id = ?1 and a.accountId = ?2",
            Long.class,
            session.getEventId(),
            who.accountId())
        .get(0);
  }

  private static String email(AccountPrincipal who) {
    return who.login() + "@example.org";
  }

  private static Throwable cause(Throwable refused) {
    return refused instanceof EJBException && refused.getCause() != null
        ? refused.getCause()
        : refused;
  }

  private static void assertRefused(Class<? extends Throwable> rule, Callable<?> call) {
    Throwable refused = assertThrows(Throwable.class, call::call);
    assertTrue(rule.isInstance(cause(refused)), refused.toString());
  }
}
