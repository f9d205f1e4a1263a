package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.infrastructure.FileRejectedException;
import eu.smek.infrastructure.Upload;
import eu.smek.membership.Country;
import eu.smek.membership.DocumentRequiredException;
import eu.smek.membership.EffectiveDateBeforeLastChangeException;
import eu.smek.membership.MembershipChange;
import eu.smek.membership.MembershipDocument;
import eu.smek.membership.MembershipService;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationCodeTakenException;
import eu.smek.membership.OrganisationType;
import eu.smek.membership.ReasonRequiredException;
import eu.smek.membership.TransitionNotAllowedException;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/** The membership register: organisations, the status lifecycle and its history. */
@ExtendWith(ArquillianExtension.class)
class MembershipIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private AccountPrincipal admin;

  @BeforeEach
  void administrator() {
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
  }

  private Organisation newTown() throws Exception {
    String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Organisation town = new Organisation(code, "Miasto " + code, Country.PL, OrganisationType.TOWN);
    town.getTranslatedNames().put(Language.SK, "Mesto " + code);
    town.getAddress().setCity("Jasło");
    town.setWebsite("https://www.jaslo.pl");
    return TestSubjects.as(admin, () -> membership.createOrganisation(town));
  }

  private MembershipChange change(
      Organisation town, MembershipStatus to, String reason, Upload document) throws Exception {
    return TestSubjects.as(
        admin, () -> membership.changeStatus(town.getId(), to, null, reason, document));
  }

  private static Upload resolution() {
    return Upload.of("Uchwała nr XII: 2026.pdf", TestFiles.pdf("Uchwala"));
  }

  @Test
  void aNewOrganisationIsAProspectWithItsFirstHistoryEntryAndAnAuditEntry() throws Exception {
    Organisation town = newTown();
    assertEquals(MembershipStatus.PROSPECT, town.getStatus());
    assertNull(town.getMembershipNumber());
    List<MembershipChange> history = TestSubjects.as(admin, () -> membership.history(town.getId()));
    assertEquals(1, history.size());
    assertNull(history.get(0).getFromStatus());
    assertEquals(MembershipStatus.PROSPECT, history.get(0).getToStatus());
    assertEquals(admin.login(), history.get(0).getRecordedBy());
    Organisation read = TestSubjects.as(admin, () -> membership.getOrganisation(town.getId()));
    assertEquals("Mesto " + town.getCode(), read.nameIn(Language.SK));
    assertEquals(town.getName(), read.nameIn(Language.EN));
    List<AuditEntry> audited =
        data.query(
            "select e from AuditEntry e where e.target = ?1 order by e.id",
            AuditEntry.class,
            "organisation:" + town.getId());
    assertEquals(AuditAction.ORGANISATION_CREATED, audited.get(0).getAction());
  }

  @Test
  void theWholeAccessionAndLeavingFollowTheRulesAndAreRecorded() throws Exception {
    Organisation town = newTown();
    change(town, MembershipStatus.APPLICANT, null, null);
    change(town, MembershipStatus.MEMBER, null, resolution());
    Organisation member = data.findOrganisation(town.getCode());
    assertEquals(MembershipStatus.MEMBER, member.getStatus());
    assertTrue(member.getMembershipNumber().matches("SMEK-\\d{3,}"), member.getMembershipNumber());

    change(town, MembershipStatus.SUSPENDED, "Unpaid fees 2026", resolution());
    change(town, MembershipStatus.MEMBER, null, resolution());
    change(town, MembershipStatus.WITHDRAWN, "Council resolution to leave", resolution());
    change(town, MembershipStatus.APPLICANT, null, null);
    change(town, MembershipStatus.MEMBER, null, resolution());

    Organisation rejoined = data.findOrganisation(town.getCode());
    assertEquals(member.getMembershipNumber(), rejoined.getMembershipNumber());
    List<MembershipChange> history = TestSubjects.as(admin, () -> membership.history(town.getId()));
    assertEquals(
        List.of(
            MembershipStatus.PROSPECT,
            MembershipStatus.APPLICANT,
            MembershipStatus.MEMBER,
            MembershipStatus.SUSPENDED,
            MembershipStatus.MEMBER,
            MembershipStatus.WITHDRAWN,
            MembershipStatus.APPLICANT,
            MembershipStatus.MEMBER),
        history.stream().map(MembershipChange::getToStatus).toList());
    assertEquals("Unpaid fees 2026", history.get(3).getReason());
    assertEquals("Uchwała nr XII 2026.pdf", history.get(2).getDocument().getName());
    assertEquals(
        7,
        data.query(
                "select e from AuditEntry e where e.target = ?1 and e.action = ?2",
                AuditEntry.class,
                "organisation:" + town.getId(),
                AuditAction.MEMBERSHIP_CHANGED)
            .size());
  }

  @Test
  void brokenRulesAreNamedAndChangeNothing() throws Exception {
    Organisation town = newTown();
    TransitionNotAllowedException notAllowed =
        assertThrows(
            TransitionNotAllowedException.class,
            () -> change(town, MembershipStatus.SUSPENDED, "No", resolution()));
    assertEquals("membership.rule.notAllowed", notAllowed.getMessageKey());
    change(town, MembershipStatus.APPLICANT, null, null);
    assertThrows(
        ReasonRequiredException.class, () -> change(town, MembershipStatus.REJECTED, "  ", null));
    assertThrows(
        DocumentRequiredException.class, () -> change(town, MembershipStatus.MEMBER, null, null));
    assertThrows(
        EffectiveDateBeforeLastChangeException.class,
        () ->
            TestSubjects.as(
                admin,
                () ->
                    membership.changeStatus(
                        town.getId(),
                        MembershipStatus.MEMBER,
                        LocalDate.now().minusYears(1),
                        null,
                        resolution())));
    assertEquals(MembershipStatus.APPLICANT, data.findOrganisation(town.getCode()).getStatus());
    assertEquals(2, TestSubjects.as(admin, () -> membership.history(town.getId())).size());
  }

  @Test
  void onlyAPdfIsAcceptedAsTheDocumentAndItsNameIsCleaned() throws Exception {
    Organisation town = newTown();
    change(town, MembershipStatus.APPLICANT, null, null);
    FileRejectedException html =
        assertThrows(
            FileRejectedException.class,
            () ->
                change(
                    town,
                    MembershipStatus.MEMBER,
                    null,
                    Upload.of("resolution.pdf", "<html><script>alert(1)</script>".getBytes())));
    assertEquals("file.typeNotAllowed", html.getMessageKey());
    assertEquals(
        "file.tooLarge",
        assertThrows(
                FileRejectedException.class,
                () ->
                    change(
                        town,
                        MembershipStatus.MEMBER,
                        null,
                        new Upload("big.pdf", 11L * 1024 * 1024, new byte[11 * 1024 * 1024])))
            .getMessageKey());
    assertEquals(
        "file.empty",
        assertThrows(
                FileRejectedException.class,
                () ->
                    change(
                        town, MembershipStatus.MEMBER, null, Upload.of("empty.pdf", new byte[0])))
            .getMessageKey());

    byte[] pdf = TestFiles.pdf("Deklaracja");
    MembershipChange admitted =
        change(town, MembershipStatus.MEMBER, null, Upload.of("../../etc/deklaracja.pdf", pdf));
    assertEquals("deklaracja.pdf", admitted.getDocument().getName());
    MembershipDocument document =
        TestSubjects.as(
            data.account(Role.CLERK, "PP5"),
            () -> membership.document(admitted.getDocument().getId()));
    assertEquals("application/pdf", document.contentType());
    assertArrayEquals(pdf, document.content());
  }

  @Test
  void theLogoIsReencodedAndSmallAndOnlyImagesAreAccepted() throws Exception {
    Organisation town = newTown();
    TestSubjects.run(
        admin,
        () -> membership.changeLogo(town.getId(), Upload.of("herb.png", TestFiles.png(800, 400))));
    byte[] logo = TestSubjects.as(admin, () -> membership.logo(town.getId())).orElseThrow();
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(logo));
    assertEquals(256, image.getWidth());
    assertEquals(128, image.getHeight());
    assertEquals(
        "file.typeNotAllowed",
        assertThrows(
                FileRejectedException.class,
                () ->
                    TestSubjects.run(
                        admin,
                        () ->
                            membership.changeLogo(
                                town.getId(),
                                Upload.of(
                                    "herb.svg",
                                    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                                        .getBytes()))))
            .getMessageKey());
  }

  @Test
  void aCodeIsUsedOnceAndInvalidDetailsAreRefused() throws Exception {
    Organisation town = newTown();
    Organisation twin =
        new Organisation(town.getCode(), "Another town", Country.SK, OrganisationType.TOWN);
    assertThrows(
        OrganisationCodeTakenException.class,
        () -> TestSubjects.as(admin, () -> membership.createOrganisation(twin)));
    Organisation hostile = TestSubjects.as(admin, () -> membership.getOrganisation(town.getId()));
    hostile.setWebsite("javascript:alert(document.cookie)");
    EJBException invalid =
        assertThrows(
            EJBException.class,
            () -> TestSubjects.as(admin, () -> membership.updateOrganisation(hostile)));
    assertTrue(invalid.getCause() instanceof ConstraintViolationException, invalid.toString());
    Organisation lost = new Organisation("../../X", "<b>x</b>", Country.UA, OrganisationType.TOWN);
    assertThrows(
        EJBException.class,
        () -> TestSubjects.as(admin, () -> membership.createOrganisation(lost)));
    assertEquals("https://www.jaslo.pl", data.findOrganisation(town.getCode()).getWebsite());
  }

  @Test
  void aStaleEditIsRefusedAndDetailsAreKeptOtherwise() throws Exception {
    Organisation town = newTown();
    Organisation first = TestSubjects.as(admin, () -> membership.getOrganisation(town.getId()));
    Organisation second = TestSubjects.as(admin, () -> membership.getOrganisation(town.getId()));
    first.setRepresentativeName("Anna Nowak");
    first.getTranslatedNames().put(Language.UK, "Місто Ясло");
    TestSubjects.run(admin, () -> membership.updateOrganisation(first));
    second.setRepresentativeName("Someone else");
    EJBException stale =
        assertThrows(
            EJBException.class,
            () -> TestSubjects.as(admin, () -> membership.updateOrganisation(second)));
    assertNotNull(stale);
    Organisation saved = TestSubjects.as(admin, () -> membership.getOrganisation(town.getId()));
    assertEquals("Anna Nowak", saved.getRepresentativeName());
    assertEquals("Місто Ясло", saved.nameIn(Language.UK));
    assertEquals(MembershipStatus.PROSPECT, saved.getStatus());
  }

  @Test
  void clerksAndCoordinatorsMayReadButNotChangeTheRegister() throws Exception {
    Organisation town = newTown();
    for (Role role : List.of(Role.CLERK, Role.TOWN_COORDINATOR, Role.IT_OPERATOR)) {
      AccountPrincipal user = data.account(role, "PP3");
      assertEquals(
          town.getCode(),
          TestSubjects.as(user, () -> membership.getOrganisation(town.getId())).getCode());
      assertThrows(
          AccessDeniedException.class,
          () ->
              TestSubjects.as(
                  user,
                  () ->
                      membership.changeStatus(
                          town.getId(), MembershipStatus.APPLICANT, null, null, null)),
          role.name());
      assertThrows(
          AccessDeniedException.class,
          () -> TestSubjects.as(user, () -> membership.updateOrganisation(town)),
          role.name());
    }
    assertEquals(MembershipStatus.PROSPECT, data.findOrganisation(town.getCode()).getStatus());
  }

  @Test
  void concurrentAdmissionsGiveOneChangeAndDistinctNumbers() throws Exception {
    List<Organisation> towns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Organisation town = newTown();
      change(town, MembershipStatus.APPLICANT, null, null);
      towns.add(town);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<MembershipChange>> results = new ArrayList<>();
      for (Organisation town : towns) {
        for (int twice = 0; twice < 2; twice++) {
          Callable<MembershipChange> admit =
              () -> change(town, MembershipStatus.MEMBER, null, resolution());
          results.add(pool.submit(admit));
        }
      }
      int admitted = 0;
      for (Future<MembershipChange> result : results) {
        try {
          result.get();
          admitted++;
        } catch (ExecutionException refused) {
          assertTrue(
              refused.getCause() instanceof TransitionNotAllowedException
                  || refused.getCause() instanceof ConcurrentChangeException,
              refused.getCause().toString());
        }
      }
      assertEquals(towns.size(), admitted);
    } finally {
      pool.shutdownNow();
    }
    Set<String> numbers = new HashSet<>();
    for (Organisation town : towns) {
      Organisation member = data.findOrganisation(town.getCode());
      assertEquals(MembershipStatus.MEMBER, member.getStatus());
      assertTrue(numbers.add(member.getMembershipNumber()), member.getMembershipNumber());
      assertEquals(
          3, TestSubjects.as(admin, () -> membership.history(town.getId())).size(), "history");
    }
  }
}
