package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipService;
import eu.smek.membership.Person;
import eu.smek.membership.Topic;
import eu.smek.membership.WorkingGroup;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.AccountState;
import eu.smek.security.AuthenticationResult;
import eu.smek.security.CannotChangeOwnAccountException;
import eu.smek.security.InvitationInvalidException;
import eu.smek.security.InvitationView;
import eu.smek.security.LastAdministratorException;
import eu.smek.security.LoginTakenException;
import eu.smek.security.Notification;
import eu.smek.security.PersonHasAccountException;
import eu.smek.security.PersonHasNoEmailException;
import eu.smek.security.PersonalData;
import eu.smek.security.Role;
import eu.smek.security.RoleNotGrantableException;
import eu.smek.security.SecurityService;
import eu.smek.security.WeakPasswordException;
import eu.smek.shared.Language;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts for people of the directory: invitations by e-mail (received by the test mail server),
 * deactivation, a user's own data, and notifications.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/SecurityService")
  private SecurityService security;

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private long town;
  private String townCode;
  private AccountPrincipal coordinator;

  @BeforeEach
  void townWithCoordinator() {
    town = data.memberTown("Gmina Ustrzyki Dolne " + UUID.randomUUID(), Country.PL);
    townCode =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    coordinator = data.account(Role.TOWN_COORDINATOR, townCode);
  }

  private Person person(String email) throws Exception {
    Person person = new Person();
    person.setGivenName("Zofia");
    person.setFamilyName("Żółkiewska");
    person.setRole(CellRole.MEMBER);
    person.setEmail(email);
    return TestSubjects.as(coordinator, () -> membership.addPerson(town, person));
  }

  private static String uniqueAddress() {
    return "z." + UUID.randomUUID().toString().substring(0, 8) + "@ustrzyki-dolne.pl";
  }

  /** Invites as the town's coordinator; returns the secret token from the e-mail's link. */
  private String inviteAndReadMail(Person person, Role role) throws Exception {
    return inviteAndReadMail(coordinator, person, role);
  }

  private String inviteAndReadMail(AccountPrincipal inviter, Person person, Role role)
      throws Exception {
    return Mailbox.sentBy(
            person.getEmail(),
            () -> TestSubjects.run(inviter, () -> security.invite(person.getId(), role)))
        .token();
  }

  @Test
  void anInvitedPersonChoosesLoginAndPasswordOnceAndCanSignIn() throws Exception {
    String address = uniqueAddress();
    Person zofia = person(address);
    TestSubjects.run(coordinator, () -> security.invite(zofia.getId(), Role.CLERK));

    // The e-mail is in Polish, the town's language, and carries a link with the secret token.
    Mailbox.Mail mail = Mailbox.await(address, m -> m.subject().contains("SMEK-int"));
    assertEquals("Zaproszenie do SMEK-int", mail.subject());
    assertTrue(mail.body().contains("Zofia Żółkiewska"), mail.body());
    String token = mail.token();
    assertTrue(token.length() >= 40, token);
    // Only a hash of the token is stored.
    assertTrue(
        data.query("select i.tokenHash from Invitation i", String.class).stream()
            .noneMatch(token::equals));

    InvitationView view = security.openInvitation(token);
    assertEquals("Zofia Żółkiewska", view.personName());
    assertEquals(Role.CLERK, view.role());
    assertTrue(view.suggestedLogin().startsWith("z."), view.suggestedLogin());
    AccountState pending = TestSubjects.as(coordinator, () -> security.accountState(zofia.getId()));
    assertNull(pending.accountId());
    assertEquals(Role.CLERK, pending.invitedAs());

    String login = "zofia." + UUID.randomUUID().toString().substring(0, 6);
    Account account = security.acceptInvitation(token, login, "Bieszczady-Ratusz-2026");
    assertEquals(zofia.getId(), account.getPerson().getId());
    assertInstanceOf(
        AuthenticationResult.Success.class, security.authenticate(login, "Bieszczady-Ratusz-2026"));

    // The link works once.
    assertThrows(InvitationInvalidException.class, () -> security.openInvitation(token));
    assertThrows(
        InvitationInvalidException.class,
        () -> security.acceptInvitation(token, login + "2", "Bieszczady-Ratusz-2026"));
    AccountState state = TestSubjects.as(coordinator, () -> security.accountState(zofia.getId()));
    assertEquals(login, state.login());
    assertTrue(state.active());

    // The coordinator who invited hears of it, in the application.
    List<Notification> told = TestSubjects.as(coordinator, () -> security.notifications(0, 10));
    assertEquals(1, told.size());
    assertTrue(told.get(0).getBody().contains(login), told.get(0).getBody());
    assertEquals("/membership/edit-person?id=" + zofia.getId(), told.get(0).getLink());
    assertEquals(1L, TestSubjects.as(coordinator, () -> security.unreadNotifications()));
    assertEquals(1, TestSubjects.as(coordinator, () -> security.markNotificationsRead()));
    assertEquals(0L, TestSubjects.as(coordinator, () -> security.unreadNotifications()));

    assertEquals(
        List.of(AuditAction.PERSON_ADDED, AuditAction.INVITATION_SENT),
        auditActions("person:" + zofia.getId()));
    // Accepted, then signed in.
    assertEquals(
        List.of(AuditAction.INVITATION_ACCEPTED, AuditAction.LOGIN),
        auditActions("account:" + account.getId()));
  }

  @Test
  void aNewerInvitationReplacesTheOpenOneAndOldLinksExpire() throws Exception {
    Person person = person(uniqueAddress());
    String first = inviteAndReadMail(person, Role.CLERK);
    String second = inviteAndReadMail(person, Role.TOWN_COORDINATOR);
    assertThrows(InvitationInvalidException.class, () -> security.openInvitation(first));
    assertEquals(Role.TOWN_COORDINATOR, security.openInvitation(second).role());

    data.update(
        "update Invitation i set i.expiresAt = ?1 where i.person.id = ?2",
        Instant.now().minusSeconds(1),
        person.getId());
    assertThrows(InvitationInvalidException.class, () -> security.openInvitation(second));
    assertThrows(
        InvitationInvalidException.class,
        () -> security.acceptInvitation(second, "late.comer", "Bieszczady-Ratusz-2026"));
  }

  @Test
  void unknownAndHostileTokensGetTheSameRefusal() {
    for (String token :
        List.of(
            "",
            "../../etc/passwd",
            "' or 1=1 --",
            "<script>alert(1)</script>",
            "x".repeat(100_000))) {
      assertThrows(InvitationInvalidException.class, () -> security.openInvitation(token), token);
    }
  }

  @Test
  void aRefusedAcceptanceKeepsTheInvitationOpen() throws Exception {
    Person person = person(uniqueAddress());
    String token = inviteAndReadMail(person, Role.CLERK);
    AccountPrincipal someone = data.account(Role.CLERK, townCode);

    assertThrows(
        LoginTakenException.class,
        () -> security.acceptInvitation(token, someone.login(), "Bieszczady-Ratusz-2026"));
    assertThrows(
        WeakPasswordException.class, () -> security.acceptInvitation(token, "zofia.ok", "short"));
    EJBException hostile =
        assertThrows(
            EJBException.class,
            () ->
                security.acceptInvitation(
                    token, "<img src=x onerror=alert(1)>", "Bieszczady-Ratusz-2026"));
    assertInstanceOf(ConstraintViolationException.class, hostile.getCause());
    EJBException oversized =
        assertThrows(
            EJBException.class,
            () -> security.acceptInvitation(token, "zofia.ok", "p".repeat(10_000)));
    assertInstanceOf(ConstraintViolationException.class, oversized.getCause());

    assertEquals(Role.CLERK, security.openInvitation(token).role());
    assertNotNull(
        security.acceptInvitation(
            token,
            "zofia." + UUID.randomUUID().toString().substring(0, 6),
            "Bieszczady-Ratusz-2026"));
  }

  @Test
  void twoConcurrentAcceptancesOfOneLinkCreateOneAccount() throws Exception {
    Person person = person(uniqueAddress());
    String token = inviteAndReadMail(person, Role.CLERK);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Account>> attempts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String login = "racer" + i + "." + suffix;
        Callable<Account> accept =
            () -> security.acceptInvitation(token, login, "Bieszczady-Ratusz-2026");
        attempts.add(pool.submit(accept));
      }
      int created = 0;
      for (Future<Account> attempt : attempts) {
        try {
          attempt.get();
          created++;
        } catch (ExecutionException refused) {
          assertInstanceOf(InvitationInvalidException.class, refused.getCause());
        }
      }
      assertEquals(1, created);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1L,
        data.query(
                "select count(a) from Account a where a.person.id = ?1", Long.class, person.getId())
            .get(0));
  }

  @Test
  void whoMayInviteAndWhom() throws Exception {
    Person withoutAddress = person(null);
    Person person = person(uniqueAddress());
    long otherTown = data.memberTown("Obec Ulič " + UUID.randomUUID(), Country.SK);
    String otherCode =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, otherTown)
            .get(0);
    AccountPrincipal otherCoordinator = data.account(Role.TOWN_COORDINATOR, otherCode);
    AccountPrincipal clerk = data.account(Role.CLERK, townCode);
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");

    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(otherCoordinator, () -> security.invite(person.getId(), Role.CLERK)));
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.run(clerk, () -> security.invite(person.getId(), Role.CLERK)));
    assertThrows(
        RoleNotGrantableException.class,
        () ->
            TestSubjects.run(
                coordinator,
                () -> security.invite(person.getId(), Role.ASSOCIATION_ADMINISTRATOR)));
    assertThrows(
        PersonHasNoEmailException.class,
        () ->
            TestSubjects.run(
                coordinator, () -> security.invite(withoutAddress.getId(), Role.CLERK)));

    // An administrator may give any role, in any town.
    String token = inviteAndReadMail(admin, person, Role.IT_OPERATOR);
    security.acceptInvitation(
        token, "op." + UUID.randomUUID().toString().substring(0, 6), "Bieszczady-Ratusz-2026");
    assertThrows(
        PersonHasAccountException.class,
        () -> TestSubjects.run(admin, () -> security.invite(person.getId(), Role.CLERK)));
  }

  @Test
  void deactivationRefusesSignInUntilReactivatedAndKeepsOneAdministrator() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, townCode);
    TestSubjects.run(coordinator, () -> security.deactivateAccount(clerk.accountId()));
    assertInstanceOf(
        AuthenticationResult.Failure.class,
        security.authenticate(clerk.login(), TestData.PASSWORD));
    TestSubjects.run(coordinator, () -> security.reactivateAccount(clerk.accountId()));
    assertInstanceOf(
        AuthenticationResult.Success.class,
        security.authenticate(clerk.login(), TestData.PASSWORD));
    assertEquals(
        List.of(
            AuditAction.ACCOUNT_DEACTIVATED, AuditAction.ACCOUNT_REACTIVATED, AuditAction.LOGIN),
        auditActions("account:" + clerk.accountId()));

    assertThrows(
        CannotChangeOwnAccountException.class,
        () ->
            TestSubjects.run(
                coordinator, () -> security.deactivateAccount(coordinator.accountId())));
    AccountPrincipal otherTownsClerk = data.account(Role.CLERK, "PP4");
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                coordinator, () -> security.deactivateAccount(otherTownsClerk.accountId())));

    // The association's coordinator manages its accounts, but not away its last administrator.
    AccountPrincipal lastAdmin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "LP");
    AccountPrincipal associationCoordinator = data.account(Role.TOWN_COORDINATOR, "LP");
    List<Long> others =
        data.query(
            "select a.id from Account a join a.roles r where a.active = true and r = ?1"
                + " and a.id <> ?2",
            Long.class,
            Role.ASSOCIATION_ADMINISTRATOR,
            lastAdmin.accountId());
    try {
      others.forEach(data::deactivate);
      assertThrows(
          LastAdministratorException.class,
          () ->
              TestSubjects.run(
                  associationCoordinator, () -> security.deactivateAccount(lastAdmin.accountId())));
    } finally {
      others.forEach(id -> data.update("update Account a set a.active = true where a.id = ?1", id));
    }
    TestSubjects.run(
        associationCoordinator, () -> security.deactivateAccount(lastAdmin.accountId()));
  }

  @Test
  void usersReadDownloadAndCorrectWhatIsHeldAboutThem() throws Exception {
    Person person = person(uniqueAddress());
    AccountPrincipal clerk = data.account(Role.CLERK, townCode);
    data.linkAccount(clerk.accountId(), person.getId());

    PersonalData mine = TestSubjects.as(clerk, () -> security.myData());
    assertEquals(clerk.login(), mine.account().login());
    assertEquals(List.of("CLERK"), List.copyOf(mine.account().roles()));
    assertEquals("Żółkiewska", mine.person().familyName());
    assertEquals(List.of(), mine.workingGroups());

    // Belonging to a working group is part of what is held about someone.
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    WorkingGroup group = new WorkingGroup(Topic.CULTURE);
    group.setName(Language.EN, "Wooden churches " + UUID.randomUUID());
    long groupId = TestSubjects.as(admin, () -> membership.createWorkingGroup(group)).getId();
    TestSubjects.run(admin, () -> membership.addWorkingGroupMember(groupId, person.getId()));
    assertEquals(
        List.of(group.getNames().get(Language.EN)),
        TestSubjects.as(clerk, () -> security.myData()).workingGroups());
    assertTrue(
        mine.auditEntries().stream().anyMatch(e -> e.action().equals("PERSON_ADDED")),
        mine.auditEntries().toString());

    TestSubjects.run(
        clerk,
        () -> security.correctMyAccount("Zofia Ż. Nowak", "zofia.nowak@example.org", Language.SK));
    PersonalData corrected = TestSubjects.as(clerk, () -> security.myData());
    assertEquals("Zofia Ż. Nowak", corrected.account().displayName());
    assertEquals("zofia.nowak@example.org", corrected.account().email());
    assertEquals("sk", corrected.account().language());

    for (String[] invalid :
        new String[][] {
          {"", "a@b.org"}, {"x".repeat(201), "a@b.org"}, {"Zofia", "not an address"}, {"Zofia", ""}
        }) {
      EJBException refused =
          assertThrows(
              EJBException.class,
              () ->
                  TestSubjects.run(
                      clerk, () -> security.correctMyAccount(invalid[0], invalid[1], Language.PL)));
      assertInstanceOf(ConstraintViolationException.class, refused.getCause());
    }
    assertEquals(
        "Zofia Ż. Nowak", TestSubjects.as(clerk, () -> security.myData()).account().displayName());
  }

  @Test
  void notificationsBelongToTheirRecipient() throws Exception {
    Person person = person(uniqueAddress());
    String token = inviteAndReadMail(person, Role.CLERK);
    security.acceptInvitation(
        token, "n." + UUID.randomUUID().toString().substring(0, 6), "Bieszczady-Ratusz-2026");
    AccountPrincipal other = data.account(Role.CLERK, townCode);
    assertEquals(0L, TestSubjects.as(other, () -> security.unreadNotifications()));
    assertEquals(0, TestSubjects.as(other, () -> security.markNotificationsRead()));
    assertEquals(1L, TestSubjects.as(coordinator, () -> security.unreadNotifications()));
    assertFalse(TestSubjects.as(other, () -> security.notifications(0, 10)).iterator().hasNext());
  }

  private List<AuditAction> auditActions(String target) {
    return data
        .query(
            "select e from AuditEntry e where e.target = ?1 order by e.id",
            AuditEntry.class,
            target)
        .stream()
        .map(AuditEntry::getAction)
        .toList();
  }
}
