package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditEntry;
import eu.smek.infrastructure.FileRejectedException;
import eu.smek.infrastructure.Upload;
import eu.smek.membership.CaseAlreadyOpenException;
import eu.smek.membership.CaseContact;
import eu.smek.membership.CaseDocumentRequiredException;
import eu.smek.membership.CaseEntry;
import eu.smek.membership.CaseKind;
import eu.smek.membership.CaseState;
import eu.smek.membership.CaseStep;
import eu.smek.membership.CaseStepNotAllowedException;
import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipCase;
import eu.smek.membership.MembershipChange;
import eu.smek.membership.MembershipService;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.membership.Person;
import eu.smek.membership.ReasonRequiredException;
import eu.smek.membership.TransitionNotAllowedException;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Notification;
import eu.smek.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
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
 * Accession of a new town, suspension and withdrawal of members, step by step: the rules, the
 * documents, the e-mails the town's contact receives (test mail server), the notifications, the
 * audit, and two administrators deciding at once.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipCaseIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private AccountPrincipal admin;
  private AccountPrincipal otherAdmin;

  @BeforeEach
  void administrators() {
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    otherAdmin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP2");
  }

  private long prospect(String name, Country country) throws Exception {
    String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return TestSubjects.as(
            admin,
            () ->
                membership.createOrganisation(
                    new Organisation(code, name, country, OrganisationType.TOWN)))
        .getId();
  }

  private static String address() {
    return "kontakt." + UUID.randomUUID().toString().substring(0, 8) + "@example.sk";
  }

  private static CaseContact contact(String email) {
    return new CaseContact("Marek Dzurenko", "prednosta úradu", email, "+421 57 788 11 11");
  }

  private static Upload pdf(String name, String text) {
    return Upload.of(name, TestFiles.pdf(text));
  }

  private MembershipCase open(
      long organisation, CaseKind kind, String email, String statement, Upload document)
      throws Exception {
    return TestSubjects.as(
        admin, () -> membership.openCase(organisation, kind, contact(email), statement, document));
  }

  private List<CaseStep> steps(long caseId) throws Exception {
    return TestSubjects.as(admin, () -> membership.caseEntries(caseId)).stream()
        .map(CaseEntry::getStep)
        .toList();
  }

  private MembershipStatus status(long organisation) throws Exception {
    return TestSubjects.as(admin, () -> membership.getOrganisation(organisation)).getStatus();
  }

  @Test
  void aTownJoinsFromApplicationToCoordinatorInvitation() throws Exception {
    long town = prospect("Mesto Stropkov " + UUID.randomUUID(), Country.SK);
    String email = address();

    Mailbox.Mail received =
        Mailbox.sentBy(
            email,
            () ->
                open(
                    town,
                    CaseKind.ACCESSION,
                    email,
                    "Spolupráca v cestovnom ruchu",
                    pdf("uznesenie-12-2026.pdf", "Uznesenie c. 12/2026")));
    MembershipCase accession =
        TestSubjects.as(admin, () -> membership.listCases(town, true)).get(0);
    assertEquals(CaseState.UNDER_REVIEW, accession.getState());
    assertEquals(MembershipStatus.APPLICANT, status(town));
    // The contact hears in Slovak, the town's language.
    assertTrue(received.subject().startsWith("SMEK-int: prijaté konanie"), received.subject());
    assertTrue(received.body().contains("Marek Dzurenko"), received.body());
    // The resolution is the document behind the applicant status.
    List<MembershipChange> history = TestSubjects.as(admin, () -> membership.history(town));
    MembershipChange applied = history.get(history.size() - 1);
    assertEquals(MembershipStatus.APPLICANT, applied.getToStatus());
    assertEquals("uznesenie-12-2026.pdf", applied.getDocument().getName());
    // The other administrator is notified in the application; who opened the case is not.
    List<Notification> toOther =
        data.query(
            "select n from Notification n where n.recipient.id = ?1 and n.link = ?2",
            Notification.class,
            otherAdmin.accountId(),
            "/membership/view-case?id=" + accession.getId());
    assertEquals(1, toOther.size());
    assertEquals(
        0L,
        data.query(
                "select count(n) from Notification n where n.recipient.id = ?1 and n.link = ?2",
                Long.class,
                admin.accountId(),
                "/membership/view-case?id=" + accession.getId())
            .get(0));

    long id = accession.getId();
    Mailbox.Mail request =
        Mailbox.sentBy(
            email,
            () ->
                TestSubjects.run(
                    admin,
                    () -> membership.requestCompletion(id, "Chýba podpis primátora na uznesení.")));
    assertTrue(request.body().contains("Chýba podpis primátora na uznesení."), request.body());
    assertThrows(
        CaseStepNotAllowedException.class,
        () -> TestSubjects.run(admin, () -> membership.decideCase(id, true, null)));
    assertThrows(
        CaseDocumentRequiredException.class,
        () -> TestSubjects.run(admin, () -> membership.supplementCase(id, " ", null)));
    TestSubjects.run(
        admin,
        () ->
            membership.supplementCase(
                id, "Podpísané uznesenie", pdf("uznesenie-podpisane.pdf", "Podpisane")));
    TestSubjects.run(otherAdmin, () -> membership.commentOnCase(id, "Súhlasím s prijatím."));
    Mailbox.sentBy(
        email, () -> TestSubjects.run(admin, () -> membership.decideCase(id, true, null)));
    assertEquals(MembershipStatus.APPLICANT, status(town));

    // The signed declaration completes it: member, number, cell, coordinator, invitation.
    MembershipCase completed =
        TestSubjects.as(
            admin,
            () ->
                membership.completeCase(
                    id,
                    null,
                    Upload.of(
                        "vyhlasenie.pdf",
                        TestFiles.signedPdf("Vyhlasenie o pristupeni", "Ing. Jozef Starosta"))));
    assertEquals(CaseState.COMPLETED, completed.getState());
    MembershipCase read = TestSubjects.as(admin, () -> membership.getCase(id));
    assertEquals(1, read.getSignatures().size());
    assertEquals("Ing. Jozef Starosta", read.getSignatures().get(0).getSignerName());
    assertEquals("ETSI.CAdES.detached", read.getSignatures().get(0).getSubFilter());
    Organisation member = TestSubjects.as(admin, () -> membership.getOrganisation(town));
    assertEquals(MembershipStatus.MEMBER, member.getStatus());
    assertNotNull(member.getMembershipNumber());
    Person coordinator =
        data.query(
                "select p from Person p where p.cell.organisation.id = ?1 and p.role = ?2",
                Person.class,
                town,
                CellRole.COORDINATOR)
            .get(0);
    assertEquals(email, coordinator.getEmail());
    assertEquals("Dzurenko", coordinator.getFamilyName());
    Mailbox.Mail invitation =
        Mailbox.await(email, mail -> mail.body().contains("/accept-invitation?token="));
    assertTrue(invitation.token().length() > 20);

    assertEquals(
        List.of(
            CaseStep.OPENED,
            CaseStep.COMPLETION_REQUESTED,
            CaseStep.SUPPLEMENTED,
            CaseStep.COMMENTED,
            CaseStep.APPROVED,
            CaseStep.COMPLETED),
        steps(id));
    assertEquals(
        List.of(
            "ACCESSION OPENED",
            "ACCESSION COMPLETION_REQUESTED",
            "ACCESSION SUPPLEMENTED",
            "ACCESSION COMMENTED",
            "ACCESSION APPROVED",
            "ACCESSION COMPLETED"),
        data
            .query(
                "select e from AuditEntry e where e.target = ?1 order by e.id",
                AuditEntry.class,
                "membership-case:" + id)
            .stream()
            .map(AuditEntry::getDetails)
            .toList());
    assertThrows(
        CaseStepNotAllowedException.class,
        () -> TestSubjects.run(admin, () -> membership.commentOnCase(id, "too late")));
  }

  @Test
  void aRejectionNeedsAReasonAndTheTownMayApplyAgain() throws Exception {
    long town = prospect("Misto Sambir " + UUID.randomUUID(), Country.UA);
    String email = address();
    Mailbox.sentBy(
        email,
        () -> open(town, CaseKind.ACCESSION, email, null, pdf("rishennia.pdf", "Rishennia")));
    long id = TestSubjects.as(admin, () -> membership.listCases(town, true)).get(0).getId();
    assertThrows(
        ReasonRequiredException.class,
        () -> TestSubjects.run(admin, () -> membership.decideCase(id, false, "  ")));
    Mailbox.Mail rejected =
        Mailbox.sentBy(
            email,
            () ->
                TestSubjects.run(
                    admin,
                    () -> membership.decideCase(id, false, "Town is outside the Euroregion.")));
    // Ukrainian is not (yet) a language of the interface: the mail is in English.
    assertTrue(rejected.subject().endsWith("rejected"), rejected.subject());
    assertTrue(rejected.body().contains("Town is outside the Euroregion."), rejected.body());
    assertEquals(MembershipStatus.REJECTED, status(town));
    assertThrows(
        CaseStepNotAllowedException.class,
        () -> TestSubjects.run(admin, () -> membership.decideCase(id, true, null)));

    MembershipCase again =
        open(town, CaseKind.ACCESSION, email, "Second attempt", pdf("rishennia-2.pdf", "R2"));
    assertEquals(CaseState.UNDER_REVIEW, again.getState());
    assertEquals(MembershipStatus.APPLICANT, status(town));
  }

  @Test
  void aMemberIsSuspendedAndThenWithdrawsWithTheirReasonsInTheRegister() throws Exception {
    long town = data.memberTown("Gmina Baligród " + UUID.randomUUID(), Country.PL);
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    AccountPrincipal townCoordinator = data.account(Role.TOWN_COORDINATOR, code);
    String email = address();

    assertThrows(
        ReasonRequiredException.class, () -> open(town, CaseKind.SUSPENSION, email, null, null));
    long suspension =
        open(town, CaseKind.SUSPENSION, email, "Składka nieopłacona od dwóch lat.", null).getId();
    assertEquals(MembershipStatus.MEMBER, status(town));
    assertThrows(
        CaseAlreadyOpenException.class,
        () -> open(town, CaseKind.WITHDRAWAL, email, "Rada zdecydowała o wystąpieniu.", null));
    TestSubjects.run(admin, () -> membership.decideCase(suspension, true, null));
    assertThrows(
        CaseDocumentRequiredException.class,
        () -> TestSubjects.run(admin, () -> membership.completeCase(suspension, null, null)));
    TestSubjects.run(
        admin,
        () ->
            membership.completeCase(
                suspension, null, pdf("uchwala-zarzadu.pdf", "Uchwala zarzadu")));
    assertEquals(MembershipStatus.SUSPENDED, status(town));
    assertTrue(
        TestSubjects.as(admin, () -> membership.getCase(suspension)).getSignatures().isEmpty());
    List<MembershipChange> history = TestSubjects.as(admin, () -> membership.history(town));
    assertEquals("Składka nieopłacona od dwóch lat.", history.get(history.size() - 1).getReason());
    // The town's coordinator is told at every step, in the application.
    assertEquals(
        List.of("open", "approved", "completed").size(),
        data.query(
                "select count(n) from Notification n where n.recipient.id = ?1 and n.link = ?2",
                Long.class,
                townCoordinator.accountId(),
                "/membership/view-case?id=" + suspension)
            .get(0)
            .intValue());

    long withdrawal =
        open(town, CaseKind.WITHDRAWAL, email, "Rada gminy zdecydowała o wystąpieniu.", null)
            .getId();
    TestSubjects.run(admin, () -> membership.decideCase(withdrawal, true, null));
    TestSubjects.run(
        admin,
        () -> membership.completeCase(withdrawal, null, pdf("uchwala-rady.pdf", "Uchwala rady")));
    assertEquals(MembershipStatus.WITHDRAWN, status(town));
  }

  @Test
  void theRulesOfOpeningACase() throws Exception {
    long town = prospect("Község Sátoraljaújhely " + UUID.randomUUID(), Country.HU);
    String email = address();
    assertThrows(
        TransitionNotAllowedException.class,
        () -> open(town, CaseKind.SUSPENSION, email, "Not a member", null));
    assertThrows(
        CaseDocumentRequiredException.class,
        () -> open(town, CaseKind.ACCESSION, email, null, null));
    assertThrows(
        FileRejectedException.class,
        () ->
            open(
                town,
                CaseKind.ACCESSION,
                email,
                null,
                Upload.of("resolution.pdf", TestFiles.png(4, 4))));
    for (CaseContact invalid :
        List.of(
            new CaseContact("", null, email, null),
            new CaseContact("Anna", null, "not an address", null),
            new CaseContact("x".repeat(201), null, email, null),
            new CaseContact("Anna", null, email, "1".repeat(41)))) {
      EJBException refused =
          assertThrows(
              EJBException.class,
              () ->
                  TestSubjects.run(
                      admin,
                      () ->
                          membership.openCase(
                              town, CaseKind.ACCESSION, invalid, null, pdf("r.pdf", "R"))));
      assertInstanceOf(ConstraintViolationException.class, refused.getCause(), invalid.toString());
    }
    EJBException tooLong =
        assertThrows(
            EJBException.class,
            () -> open(town, CaseKind.ACCESSION, email, "s".repeat(4001), pdf("r.pdf", "R")));
    assertInstanceOf(ConstraintViolationException.class, tooLong.getCause());
    // Nothing of the refused attempts stayed behind.
    assertEquals(MembershipStatus.PROSPECT, status(town));
    assertTrue(TestSubjects.as(admin, () -> membership.listCases(town, false)).isEmpty());

    // Markup in texts is kept as typed; the pages escape it.
    String hostile = "<script>alert('x')</script>";
    MembershipCase opened = open(town, CaseKind.ACCESSION, email, hostile, pdf("r.pdf", "R"));
    assertEquals(
        hostile,
        TestSubjects.as(admin, () -> membership.caseEntries(opened.getId())).get(0).getText());

    AccountPrincipal coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(coordinator, () -> membership.decideCase(opened.getId(), true, null)));
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.as(coordinator, () -> membership.listCases(null, true)));
  }

  @Test
  void twoAdministratorsDecidingAtOnceGetOneDecision() throws Exception {
    long town = prospect("Comuna Sighetu Marmației " + UUID.randomUUID(), Country.RO);
    long id = open(town, CaseKind.ACCESSION, address(), null, pdf("hotarare.pdf", "H")).getId();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<MembershipCase>> decisions = new ArrayList<>();
      Callable<MembershipCase> approve =
          () -> TestSubjects.as(admin, () -> membership.decideCase(id, true, null));
      Callable<MembershipCase> reject =
          () -> TestSubjects.as(otherAdmin, () -> membership.decideCase(id, false, "No."));
      decisions.add(pool.submit(approve));
      decisions.add(pool.submit(reject));
      int decided = 0;
      for (Future<MembershipCase> decision : decisions) {
        try {
          decision.get();
          decided++;
        } catch (ExecutionException refused) {
          assertInstanceOf(CaseStepNotAllowedException.class, refused.getCause());
        }
      }
      assertEquals(1, decided);
    } finally {
      pool.shutdownNow();
    }
    List<CaseStep> steps = steps(id);
    assertEquals(2, steps.size(), steps.toString());
    CaseState state = TestSubjects.as(admin, () -> membership.getCase(id)).getState();
    assertEquals(
        state == CaseState.APPROVED ? MembershipStatus.APPLICANT : MembershipStatus.REJECTED,
        status(town));
  }
}
