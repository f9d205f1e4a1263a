package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.infrastructure.FileRejectedException;
import eu.smek.infrastructure.Upload;
import eu.smek.membership.Cell;
import eu.smek.membership.CellRole;
import eu.smek.membership.CoordinatorAlreadyNamedException;
import eu.smek.membership.Country;
import eu.smek.membership.DirectoryQuery;
import eu.smek.membership.DirectorySort;
import eu.smek.membership.LanguageLevel;
import eu.smek.membership.LanguageSkill;
import eu.smek.membership.MembershipService;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.Person;
import eu.smek.membership.Topic;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.RecordNotFoundException;
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

/** Cooperation cells, their people and the network's directory. */
@ExtendWith(ArquillianExtension.class)
class DirectoryIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private AccountPrincipal admin;
  private long town;
  private AccountPrincipal coordinator;

  @BeforeEach
  void townWithCoordinator() {
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    town = data.memberTown("Mesto Bardejov " + UUID.randomUUID(), Country.SK);
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    coordinator = data.account(Role.TOWN_COORDINATOR, code);
  }

  private static Person person(String given, String family, CellRole role) {
    Person person = new Person();
    person.setGivenName(given);
    person.setFamilyName(family);
    person.setRole(role);
    return person;
  }

  private Person add(AccountPrincipal user, long organisation, Person person) throws Exception {
    return TestSubjects.as(user, () -> membership.addPerson(organisation, person));
  }

  @Test
  void aCoordinatorManagesTheirOwnCellAndItIsAudited() throws Exception {
    Person anna = person("Anna", "Szabóová", CellRole.DEPUTY);
    anna.setPosition("Referentka cestovného ruchu");
    anna.setEmail("anna.szaboova@bardejov.sk");
    anna.setPhone("+421 54 472 41 11");
    anna.setTeleworkAvailable(true);
    anna.getLanguages().add(new LanguageSkill("sk", LanguageLevel.NATIVE));
    anna.getLanguages().add(new LanguageSkill("uk", LanguageLevel.B1));
    anna.getTopics().add(Topic.TOURISM);
    Person added = add(coordinator, town, anna);

    Person read = TestSubjects.as(coordinator, () -> membership.getPerson(added.getId()));
    assertEquals("Anna Szabóová", read.getFullName());
    assertEquals(
        List.of("sk", "uk"), read.getLanguages().stream().map(LanguageSkill::getLanguage).toList());
    assertEquals(java.util.Set.of(Topic.TOURISM), read.getTopics());

    read.setPosition("Vedúca oddelenia cestovného ruchu");
    read.getLanguages().remove(1);
    TestSubjects.run(coordinator, () -> membership.updatePerson(read));
    Person changed = TestSubjects.as(coordinator, () -> membership.getPerson(added.getId()));
    assertEquals("Vedúca oddelenia cestovného ruchu", changed.getPosition());
    assertEquals(1, changed.getLanguages().size());

    TestSubjects.run(coordinator, () -> membership.removePerson(added.getId()));
    assertThrows(
        RecordNotFoundException.class,
        () -> TestSubjects.as(coordinator, () -> membership.getPerson(added.getId())));
    assertEquals(
        List.of(AuditAction.PERSON_ADDED, AuditAction.PERSON_CHANGED, AuditAction.PERSON_REMOVED),
        data
            .query(
                "select e from AuditEntry e where e.target = ?1 order by e.id",
                AuditEntry.class,
                "person:" + added.getId())
            .stream()
            .map(AuditEntry::getAction)
            .toList());
  }

  @Test
  void aCoordinatorOfTownACannotChangeTownBsCell() throws Exception {
    long otherTown = data.memberTown("Mesto Svidník " + UUID.randomUUID(), Country.SK);
    Person theirs = add(admin, otherTown, person("Peter", "Hudák", CellRole.MEMBER));
    assertThrows(
        AccessDeniedException.class,
        () -> add(coordinator, otherTown, person("Intruder", "Outside", CellRole.MEMBER)));
    Person edited = TestSubjects.as(coordinator, () -> membership.getPerson(theirs.getId()));
    edited.setFamilyName("Changed");
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.as(coordinator, () -> membership.updatePerson(edited)));
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.run(coordinator, () -> membership.removePerson(theirs.getId())));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                coordinator,
                () ->
                    membership.changePhoto(
                        theirs.getId(), Upload.of("p.png", TestFiles.png(9, 9)))));
    // A clerk, even of the same town, reads but does not manage.
    AccountPrincipal clerk =
        data.account(
            Role.CLERK,
            data.query("select o.code from Organisation o where o.id = ?1", String.class, town)
                .get(0));
    assertThrows(
        AccessDeniedException.class, () -> add(clerk, town, person("A", "B", CellRole.MEMBER)));
    assertEquals(
        "Hudák",
        TestSubjects.as(clerk, () -> membership.getPerson(theirs.getId())).getFamilyName());
    assertTrue(
        data.query(
                    "select e from AuditEntry e where e.action = ?1 and e.actor = ?2",
                    AuditEntry.class,
                    AuditAction.ACCESS_DENIED,
                    coordinator.login())
                .size()
            >= 4);
  }

  @Test
  void aCellHasOneCoordinatorEvenUnderConcurrentRequests() throws Exception {
    add(coordinator, town, person("First", "Coordinator", CellRole.COORDINATOR));
    CoordinatorAlreadyNamedException second =
        assertThrows(
            CoordinatorAlreadyNamedException.class,
            () -> add(coordinator, town, person("Second", "Coordinator", CellRole.COORDINATOR)));
    assertEquals("First Coordinator", second.getArguments()[0]);

    long fresh = data.memberTown("Mesto Stropkov " + UUID.randomUUID(), Country.SK);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Person>> attempts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Person candidate = person("Candidate" + i, "Race", CellRole.COORDINATOR);
        attempts.add(pool.submit(() -> add(admin, fresh, candidate)));
      }
      int named = 0;
      for (Future<Person> attempt : attempts) {
        try {
          attempt.get();
          named++;
        } catch (ExecutionException refused) {
          assertTrue(
              refused.getCause() instanceof CoordinatorAlreadyNamedException,
              refused.getCause().toString());
        }
      }
      assertEquals(1, named);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1,
        data.query(
                "select p from Person p where p.cell.organisation.id = ?1 and p.role = ?2",
                Person.class,
                fresh,
                CellRole.COORDINATOR)
            .size());
  }

  @Test
  void invalidAndHostilePeopleAreRefusedAndTextIsKeptAsTyped() throws Exception {
    Person bad = person("", "X".repeat(101), CellRole.MEMBER);
    bad.setEmail("not-an-address");
    bad.setPhone("<script>alert(1)</script>");
    bad.getLanguages().add(new LanguageSkill("../../etc", LanguageLevel.B1));
    EJBException refused = assertThrows(EJBException.class, () -> add(admin, town, bad));
    ConstraintViolationException violations = (ConstraintViolationException) refused.getCause();
    assertEquals(5, violations.getConstraintViolations().size(), violations.toString());

    Person hostile =
        person("<img src=x onerror=alert(1)>", "O'Brien; drop table person; --", CellRole.MEMBER);
    Person kept = add(admin, town, hostile);
    assertEquals(
        "O'Brien; drop table person; --",
        TestSubjects.as(admin, () -> membership.getPerson(kept.getId())).getFamilyName());
    assertEquals(
        1,
        TestSubjects.as(
            admin,
            () ->
                membership.countDirectory(
                    new DirectoryQuery(
                        "o'brien; DROP", town, null, null, null, false, null, false))));
  }

  @Test
  void aStaleEditIsRefused() throws Exception {
    Person added = add(coordinator, town, person("Ján", "Novák", CellRole.MEMBER));
    Person first = TestSubjects.as(coordinator, () -> membership.getPerson(added.getId()));
    Person second = TestSubjects.as(coordinator, () -> membership.getPerson(added.getId()));
    first.setPosition("first");
    TestSubjects.run(coordinator, () -> membership.updatePerson(first));
    second.setPosition("second");
    assertThrows(
        EJBException.class,
        () -> TestSubjects.run(coordinator, () -> membership.updatePerson(second)));
    assertEquals(
        "first",
        TestSubjects.as(coordinator, () -> membership.getPerson(added.getId())).getPosition());
  }

  @Test
  void thePhotoIsAnImageAndGoesWithThePerson() throws Exception {
    Person added = add(coordinator, town, person("Eva", "Lukáčová", CellRole.MEMBER));
    assertThrows(
        FileRejectedException.class,
        () ->
            TestSubjects.run(
                coordinator,
                () ->
                    membership.changePhoto(
                        added.getId(), Upload.of("eva.jpg", TestFiles.pdf("x")))));
    TestSubjects.run(
        coordinator,
        () -> membership.changePhoto(added.getId(), Upload.of("eva.jpg", TestFiles.png(300, 600))));
    assertTrue(TestSubjects.as(coordinator, () -> membership.photo(added.getId())).isPresent());
    long files = data.query("select count(f) from StoredFile f", Long.class).get(0);
    TestSubjects.run(coordinator, () -> membership.removePerson(added.getId()));
    assertEquals(files - 1, data.query("select count(f) from StoredFile f", Long.class).get(0));
  }

  @Test
  void removingAPersonKeepsTheirAccountWithoutThem() throws Exception {
    Person added = add(coordinator, town, person("Marek", "Polák", CellRole.MEMBER));
    AccountPrincipal holder =
        data.account(
            Role.CLERK,
            data.query("select o.code from Organisation o where o.id = ?1", String.class, town)
                .get(0));
    data.linkAccount(holder.accountId(), added.getId());
    TestSubjects.run(coordinator, () -> membership.removePerson(added.getId()));
    Account account =
        data.query("select a from Account a where a.id = ?1", Account.class, holder.accountId())
            .get(0);
    assertNull(account.getPerson());
    assertTrue(account.isActive());
  }

  @Test
  void theDirectoryFindsPeopleByEveryCriterionWithoutDiacritics() throws Exception {
    String family = "Ďurčo" + UUID.randomUUID().toString().substring(0, 6);
    Person ukrainian = person("Ľubica", family, CellRole.DEPUTY);
    ukrainian.getLanguages().add(new LanguageSkill("uk", LanguageLevel.C1));
    ukrainian.getTopics().add(Topic.EU_FUNDS);
    ukrainian.setTeleworkAvailable(true);
    add(coordinator, town, ukrainian);
    Person german = person("Juraj", family, CellRole.MEMBER);
    german.getLanguages().add(new LanguageSkill("de", LanguageLevel.B2));
    add(coordinator, town, german);

    String folded = eu.smek.shared.SearchKeys.fold(family);
    assertEquals(
        List.of("Ľubica", "Juraj"),
        names(
            new DirectoryQuery(folded, null, null, null, null, false, DirectorySort.ROLE, false)));
    assertEquals(
        List.of("Ľubica"),
        names(new DirectoryQuery(family, null, null, "uk", null, false, null, false)));
    assertEquals(
        List.of("Juraj"),
        names(new DirectoryQuery(family, null, Country.SK, "de", null, false, null, false)));
    assertEquals(
        List.of(),
        names(new DirectoryQuery(family, null, Country.PL, null, null, false, null, false)));
    assertEquals(
        List.of("Ľubica"),
        names(new DirectoryQuery(family, null, null, null, Topic.EU_FUNDS, false, null, false)));
    assertEquals(
        List.of("Ľubica"),
        names(new DirectoryQuery(family, town, null, null, null, true, null, false)));
    assertEquals(
        List.of("Juraj", "Ľubica"),
        names(
            new DirectoryQuery(family, town, null, null, null, false, DirectorySort.NAME, false)));
    assertEquals(
        List.of("Ľubica", "Juraj"),
        names(new DirectoryQuery(family, town, null, null, null, false, DirectorySort.NAME, true)));
    assertEquals(
        List.of(), names(new DirectoryQuery("%", town, null, null, null, false, null, false)));

    // People of a town that left the network are no longer listed.
    data.update(
        "update Organisation o set o.status = ?1 where o.id = ?2",
        MembershipStatus.WITHDRAWN,
        town);
    assertEquals(
        List.of(), names(new DirectoryQuery(family, null, null, null, null, false, null, false)));
  }

  @Test
  void theDirectoryFindsATownByItsNameWithoutDiacriticsAndByItsTranslations() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Person mayor = person("Mária", "Hrušovská", CellRole.MEMBER);
    add(coordinator, town, mayor);
    Organisation renamed = TestSubjects.as(admin, () -> membership.getOrganisation(town));
    renamed.setName("Mesto Stará Ľubovňa " + unique);
    TestSubjects.as(admin, () -> membership.updateOrganisation(renamed));

    assertEquals(
        List.of("Mária"),
        names(
            new DirectoryQuery(
                "stara lubovna " + unique, null, null, null, null, false, null, false)));

    // Only a translated name changes: the search key follows it as well.
    Organisation translated = TestSubjects.as(admin, () -> membership.getOrganisation(town));
    translated.getTranslatedNames().put(Language.UK, "Стара Любовня " + unique);
    TestSubjects.as(admin, () -> membership.updateOrganisation(translated));
    assertEquals(
        List.of("Mária"),
        names(
            new DirectoryQuery(
                "Стара Любовня " + unique, null, null, null, null, false, null, false)));
  }

  @Test
  void theDirectoryAndTheMemberListRunABoundedNumberOfStatements() throws Exception {
    long big = data.memberTown("Gmina Bounded " + UUID.randomUUID(), Country.PL);
    String family = "Bounded" + UUID.randomUUID().toString().substring(0, 6);
    data.people(big, 120, family, "pl", "sk", "en");
    DirectoryQuery query = new DirectoryQuery(family, null, null, null, null, false, null, false);

    long small = statements(() -> membership.searchDirectory(query, 0, 5));
    long large = statements(() -> membership.searchDirectory(query, 0, 120));
    assertEquals(small, large, "statements for 5 and for 120 people");
    assertTrue(large <= 4, "statements: " + large);
    List<Person> page = TestSubjects.as(admin, () -> membership.searchDirectory(query, 0, 120));
    assertEquals(120, page.size());
    assertEquals(3, page.get(119).getLanguages().size(), "languages loaded with the page");
    assertFalse(page.get(0).getTopics().isEmpty(), "topics loaded with the page");

    long before = statements(() -> membership.listOrganisations());
    for (int i = 0; i < 15; i++) {
      data.memberTown("Gmina Extra " + i + " " + UUID.randomUUID(), Country.PL);
    }
    long after = statements(() -> membership.listOrganisations());
    assertEquals(before, after, "statements for the member list with 15 more organisations");

    Cell cell = TestSubjects.as(admin, () -> membership.findCell(big)).orElseThrow();
    long cellPage = statements(() -> membership.people(cell.getId()));
    assertTrue(cellPage <= 3, "statements of a cell of 120 people: " + cellPage);
  }

  private List<String> names(DirectoryQuery query) throws Exception {
    return TestSubjects.as(admin, () -> membership.searchDirectory(query, 0, 50)).stream()
        .map(Person::getGivenName)
        .toList();
  }

  private long statements(Callable<?> work) throws Exception {
    return StatementCount.of(data, admin, work);
  }
}
