package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.infrastructure.Failures;
import eu.smek.membership.AlreadyAGroupMemberException;
import eu.smek.membership.CoordinatorCannotLeaveException;
import eu.smek.membership.CoordinatorNotAMemberException;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipService;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.NotAGroupMemberException;
import eu.smek.membership.NotFromAMemberOrganisationException;
import eu.smek.membership.Person;
import eu.smek.membership.Topic;
import eu.smek.membership.WorkingGroup;
import eu.smek.membership.WorkingGroupClosedException;
import eu.smek.membership.WorkingGroupNameRequiredException;
import eu.smek.membership.WorkingGroupQuery;
import eu.smek.membership.WorkingGroupStatus;
import eu.smek.membership.WorkingGroupTransitionNotAllowedException;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Working groups: names per language, members from several member towns, a coordinator who is a
 * member, the status lifecycle, who may do what, bad input, concurrent edits and the audit log.
 */
@ExtendWith(ArquillianExtension.class)
class WorkingGroupIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/MembershipService")
  private MembershipService membership;

  private AccountPrincipal admin;
  private AccountPrincipal reader;
  private String unique;
  private long polishTown;
  private long slovakTown;
  private List<Long> poles;
  private List<Long> slovaks;

  @BeforeEach
  void twoTownsWithPeople() {
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    reader = data.account(Role.CLERK, "LP");
    unique = UUID.randomUUID().toString().substring(0, 8);
    polishTown = data.memberTown("Gmina Krosno " + unique, Country.PL);
    slovakTown = data.memberTown("Mesto Bardejov " + unique, Country.SK);
    poles = data.people(polishTown, 3, "Nowak" + unique, "pl");
    slovaks = data.people(slovakTown, 3, "Kováč" + unique, "sk");
  }

  private WorkingGroup group(String english) throws Exception {
    WorkingGroup group = new WorkingGroup(Topic.TOURISM);
    group.setName(Language.EN, english);
    group.setName(Language.PL, "Grupa " + english);
    group.setDescription(Language.EN, "What " + english + " does.");
    return TestSubjects.as(admin, () -> membership.createWorkingGroup(group));
  }

  private WorkingGroup read(long groupId) throws Exception {
    return TestSubjects.as(admin, () -> membership.getWorkingGroup(groupId));
  }

  private void add(AccountPrincipal user, long groupId, long personId) throws Exception {
    TestSubjects.run(user, () -> membership.addWorkingGroupMember(groupId, personId));
  }

  private void remove(AccountPrincipal user, long groupId, long personId) throws Exception {
    TestSubjects.run(user, () -> membership.removeWorkingGroupMember(groupId, personId));
  }

  private void nameCoordinator(long groupId, long personId) throws Exception {
    TestSubjects.run(admin, () -> membership.nameWorkingGroupCoordinator(groupId, personId));
  }

  private static Set<Long> memberIds(WorkingGroup group) {
    return group.getMembers().stream().map(Person::getId).collect(Collectors.toSet());
  }

  private List<AuditAction> audited(WorkingGroup group) {
    return data
        .query(
            "select e from AuditEntry e where e.target = ?1 order by e.id",
            AuditEntry.class,
            "working-group:" + group.getId())
        .stream()
        .map(AuditEntry::getAction)
        .toList();
  }

  @Test
  void anAdministratorSetsUpAGroupAcrossTownsAndEveryChangeIsAudited() throws Exception {
    WorkingGroup created = group("Cycling routes " + unique);
    assertEquals(WorkingGroupStatus.ACTIVE, created.getStatus());
    add(admin, created.getId(), poles.get(0));
    add(admin, created.getId(), slovaks.get(0));
    nameCoordinator(created.getId(), poles.get(0));

    WorkingGroup edited = read(created.getId());
    edited.setName(Language.SK, "Cyklotrasy " + unique);
    edited.setDescription(Language.EN, null);
    edited.setTopic(Topic.SPORT);
    TestSubjects.run(admin, () -> membership.updateWorkingGroup(edited));
    TestSubjects.run(
        admin,
        () -> membership.changeWorkingGroupStatus(created.getId(), WorkingGroupStatus.PAUSED));
    TestSubjects.run(
        admin,
        () -> membership.changeWorkingGroupStatus(created.getId(), WorkingGroupStatus.ACTIVE));

    WorkingGroup group = read(created.getId());
    assertEquals("Cyklotrasy " + unique, group.nameIn(Language.SK));
    assertEquals("Grupa Cycling routes " + unique, group.nameIn(Language.PL));
    assertEquals("Cycling routes " + unique, group.nameIn(Language.HU));
    assertTrue(group.getDescriptions().isEmpty());
    assertEquals(Topic.SPORT, group.getTopic());
    assertEquals(WorkingGroupStatus.ACTIVE, group.getStatus());
    assertEquals(poles.get(0), group.getCoordinator().getId());
    assertEquals(Set.of(poles.get(0), slovaks.get(0)), memberIds(group));
    assertEquals(
        List.of("Gmina Krosno " + unique, "Mesto Bardejov " + unique),
        group.getTowns().stream().map(town -> town.getName()).toList());

    assertEquals(
        List.of(
            AuditAction.WORKING_GROUP_CREATED,
            AuditAction.WORKING_GROUP_MEMBER_ADDED,
            AuditAction.WORKING_GROUP_MEMBER_ADDED,
            AuditAction.WORKING_GROUP_COORDINATOR_NAMED,
            AuditAction.WORKING_GROUP_CHANGED,
            AuditAction.WORKING_GROUP_STATUS_CHANGED,
            AuditAction.WORKING_GROUP_STATUS_CHANGED),
        audited(group));
    List<AuditEntry> entries =
        data.query(
            "select e from AuditEntry e where e.target = ?1 order by e.id",
            AuditEntry.class,
            "working-group:" + group.getId());
    assertTrue(entries.stream().allMatch(entry -> admin.login().equals(entry.getActor())));
    assertEquals("person:" + slovaks.get(0), entries.get(2).getDetails().split(" ")[0]);
    assertEquals("ACTIVE -> PAUSED", entries.get(5).getDetails());
  }

  @Test
  void theListFiltersByStatusTopicAndNameInAnyLanguageWithoutDiacritics() throws Exception {
    WorkingGroup tourism = group("Spa towns " + unique);
    WorkingGroup edited = read(tourism.getId());
    edited.setName(Language.SK, "Kúpeľné mestá " + unique);
    TestSubjects.run(admin, () -> membership.updateWorkingGroup(edited));
    WorkingGroup paused = group("Spa marketing " + unique);
    TestSubjects.run(
        admin,
        () -> membership.changeWorkingGroupStatus(paused.getId(), WorkingGroupStatus.PAUSED));

    assertEquals(List.of(tourism.getId(), paused.getId()), ids(null, null, unique));
    assertEquals(List.of(tourism.getId()), ids(null, null, "kupelne MESTA " + unique));
    assertEquals(List.of(paused.getId()), ids(null, null, "Spa marketing " + unique));
    assertEquals(List.of(paused.getId()), ids(WorkingGroupStatus.PAUSED, null, unique));
    assertEquals(List.of(tourism.getId()), ids(WorkingGroupStatus.ACTIVE, Topic.TOURISM, unique));
    assertEquals(List.of(), ids(null, Topic.CULTURE, unique));
    assertEquals(List.of(), ids(null, null, "%" + unique));
    assertEquals(List.of(), ids(null, null, "' or 1=1 --" + unique));
  }

  private List<Long> ids(WorkingGroupStatus status, Topic topic, String text) throws Exception {
    List<WorkingGroup> groups =
        TestSubjects.as(
            reader, () -> membership.listWorkingGroups(new WorkingGroupQuery(status, topic, text)));
    return groups.stream().map(WorkingGroup::getId).toList();
  }

  @Test
  void theCoordinatorIsAMemberAndStaysUntilAnotherIsNamed() throws Exception {
    WorkingGroup group = group("Heritage " + unique);
    long groupId = group.getId();
    CoordinatorNotAMemberException outsider =
        assertThrows(
            CoordinatorNotAMemberException.class, () -> nameCoordinator(groupId, poles.get(0)));
    assertEquals("Person0 Nowak" + unique, outsider.getArguments()[0]);

    add(admin, groupId, poles.get(0));
    add(admin, groupId, slovaks.get(1));
    AlreadyAGroupMemberException twice =
        assertThrows(AlreadyAGroupMemberException.class, () -> add(admin, groupId, poles.get(0)));
    assertEquals("Person0 Nowak" + unique, twice.getArguments()[0]);
    nameCoordinator(groupId, poles.get(0));

    CoordinatorCannotLeaveException stays =
        assertThrows(
            CoordinatorCannotLeaveException.class, () -> remove(admin, groupId, poles.get(0)));
    assertEquals(
        "Person0 Nowak"
            + unique
            + " coordinates the working group and stays in it. Name another member coordinator"
            + " first.",
        Messages.format(Language.EN.locale(), stays.getMessageKey(), stays.getArguments()));
    assertThrows(NotAGroupMemberException.class, () -> remove(admin, groupId, poles.get(2)));

    nameCoordinator(groupId, slovaks.get(1));
    remove(admin, groupId, poles.get(0));
    WorkingGroup after = read(groupId);
    assertEquals(slovaks.get(1), after.getCoordinator().getId());
    assertEquals(Set.of(slovaks.get(1)), memberIds(after));
  }

  @Test
  void membersComeFromMemberOrganisationsOnly() throws Exception {
    WorkingGroup group = group("Markets " + unique);
    long withdrawn = data.memberTown("Mesto Svidník " + unique, Country.SK);
    long leaver = data.people(withdrawn, 1, "Hudák" + unique, "sk").get(0);
    data.update(
        "update Organisation o set o.status = ?1 where o.id = ?2",
        MembershipStatus.WITHDRAWN,
        withdrawn);
    NotFromAMemberOrganisationException refused =
        assertThrows(
            NotFromAMemberOrganisationException.class, () -> add(admin, group.getId(), leaver));
    assertEquals(
        "Person0 Hudák"
            + unique
            + " pracuje pre: Mesto Svidník "
            + unique
            + ", a táto organizácia nie je členom siete. Pracovné skupiny spájajú ľudí z"
            + " členských organizácií.",
        Messages.format(Language.SK.locale(), refused.getMessageKey(), refused.getArguments()));
    data.update(
        "update Organisation o set o.status = ?1 where o.id = ?2",
        MembershipStatus.SUSPENDED,
        withdrawn);
    assertThrows(
        NotFromAMemberOrganisationException.class, () -> add(admin, group.getId(), leaver));
    assertTrue(read(group.getId()).getMembers().isEmpty());
  }

  @Test
  void aClosedGroupChangesNoMoreUntilAnAdministratorReopensIt() throws Exception {
    WorkingGroup group = group("Festivals " + unique);
    long groupId = group.getId();
    add(admin, groupId, poles.get(0));
    add(admin, groupId, poles.get(1));
    nameCoordinator(groupId, poles.get(0));
    AccountPrincipal groupCoordinator = coordinatorAccount(polishTown, poles.get(0));
    TestSubjects.run(
        admin, () -> membership.changeWorkingGroupStatus(groupId, WorkingGroupStatus.CLOSED));

    WorkingGroup stale = read(groupId);
    stale.setName(Language.EN, "Renamed while closed");
    assertThrows(
        WorkingGroupClosedException.class,
        () -> TestSubjects.run(admin, () -> membership.updateWorkingGroup(stale)));
    assertThrows(WorkingGroupClosedException.class, () -> add(admin, groupId, slovaks.get(0)));
    assertThrows(WorkingGroupClosedException.class, () -> remove(admin, groupId, poles.get(1)));
    assertThrows(WorkingGroupClosedException.class, () -> nameCoordinator(groupId, poles.get(1)));
    assertThrows(
        WorkingGroupClosedException.class, () -> add(groupCoordinator, groupId, slovaks.get(0)));
    WorkingGroupTransitionNotAllowedException pause =
        assertThrows(
            WorkingGroupTransitionNotAllowedException.class,
            () ->
                TestSubjects.run(
                    admin,
                    () -> membership.changeWorkingGroupStatus(groupId, WorkingGroupStatus.PAUSED)));
    assertEquals(
        "Status grupy roboczej nie może się zmienić z Zamknięta na Zawieszona.",
        Messages.format(Language.PL.locale(), pause.getMessageKey(), pause.getArguments()));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                groupCoordinator,
                () -> membership.changeWorkingGroupStatus(groupId, WorkingGroupStatus.ACTIVE)));

    TestSubjects.run(
        admin, () -> membership.changeWorkingGroupStatus(groupId, WorkingGroupStatus.ACTIVE));
    add(groupCoordinator, groupId, slovaks.get(0));
    WorkingGroup reopened = read(groupId);
    assertEquals(WorkingGroupStatus.ACTIVE, reopened.getStatus());
    assertEquals("Festivals " + unique, reopened.nameIn(Language.EN));
    assertEquals(Set.of(poles.get(0), poles.get(1), slovaks.get(0)), memberIds(reopened));
  }

  /** A clerk's account of the town whose directory entry is the given person. */
  private AccountPrincipal coordinatorAccount(long town, long personId) {
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    AccountPrincipal account = data.account(Role.CLERK, code);
    data.linkAccount(account.accountId(), personId);
    return account;
  }

  @Test
  void theGroupsCoordinatorManagesItsMembersAndOthersOnlyRead() throws Exception {
    WorkingGroup group = group("Museums " + unique);
    long groupId = group.getId();
    add(admin, groupId, poles.get(0));
    nameCoordinator(groupId, poles.get(0));
    AccountPrincipal groupCoordinator = coordinatorAccount(polishTown, poles.get(0));
    AccountPrincipal clerk = data.account(Role.CLERK, "PP7");
    AccountPrincipal townCoordinator = data.account(Role.TOWN_COORDINATOR, "PP5");
    // A member who is not the coordinator manages nothing either.
    add(admin, groupId, poles.get(1));
    AccountPrincipal member = coordinatorAccount(polishTown, poles.get(1));

    add(groupCoordinator, groupId, slovaks.get(0));
    add(groupCoordinator, groupId, slovaks.get(1));
    remove(groupCoordinator, groupId, slovaks.get(1));
    assertTrue(
        TestSubjects.as(groupCoordinator, () -> membership.mayManageWorkingGroupMembers(groupId)));
    assertTrue(TestSubjects.as(admin, () -> membership.mayManageWorkingGroupMembers(groupId)));

    WorkingGroup edited =
        TestSubjects.as(groupCoordinator, () -> membership.getWorkingGroup(groupId));
    edited.setName(Language.EN, "Taken over");
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.run(groupCoordinator, () -> membership.updateWorkingGroup(edited)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                groupCoordinator,
                () -> membership.nameWorkingGroupCoordinator(groupId, slovaks.get(0))));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                groupCoordinator,
                () -> membership.changeWorkingGroupStatus(groupId, WorkingGroupStatus.PAUSED)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                groupCoordinator,
                () -> membership.createWorkingGroup(new WorkingGroup(Topic.CULTURE))));

    for (AccountPrincipal outsider : List.of(clerk, townCoordinator, member)) {
      assertEquals(
          "Museums " + unique,
          TestSubjects.as(outsider, () -> membership.getWorkingGroup(groupId)).nameIn(Language.EN));
      assertFalse(
          TestSubjects.as(outsider, () -> membership.mayManageWorkingGroupMembers(groupId)));
      assertThrows(AccessDeniedException.class, () -> add(outsider, groupId, slovaks.get(2)));
      assertThrows(AccessDeniedException.class, () -> remove(outsider, groupId, slovaks.get(0)));
    }
    assertEquals(Set.of(poles.get(0), poles.get(1), slovaks.get(0)), memberIds(read(groupId)));
    assertEquals(
        2,
        data.query(
                "select e from AuditEntry e where e.action = ?1 and e.actor = ?2",
                AuditEntry.class,
                AuditAction.ACCESS_DENIED,
                clerk.login())
            .size());
    assertEquals(
        List.of(
            AuditAction.WORKING_GROUP_MEMBER_ADDED,
            AuditAction.WORKING_GROUP_MEMBER_ADDED,
            AuditAction.WORKING_GROUP_MEMBER_REMOVED),
        data
            .query(
                "select e from AuditEntry e where e.target = ?1 and e.actor = ?2 order by e.id",
                AuditEntry.class,
                "working-group:" + groupId,
                groupCoordinator.login())
            .stream()
            .map(AuditEntry::getAction)
            .toList());
  }

  @Test
  void invalidAndHostileInputIsRefusedOrKeptAsTyped() throws Exception {
    WorkingGroup tooLong = new WorkingGroup(Topic.CULTURE);
    tooLong.setName(Language.PL, "x".repeat(WorkingGroup.NAME_LENGTH + 1));
    tooLong.setDescription(Language.SK, "y".repeat(WorkingGroup.DESCRIPTION_LENGTH + 1));
    EJBException refused =
        assertThrows(
            EJBException.class,
            () -> TestSubjects.run(admin, () -> membership.createWorkingGroup(tooLong)));
    ConstraintViolationException violations =
        Failures.invalidArguments(refused).orElseThrow(() -> refused);
    assertEquals(
        Set.of("names", "descriptions"),
        violations.getConstraintViolations().stream()
            .map(ConstraintViolation::getPropertyPath)
            .map(path -> path.toString().replaceAll(".*\\.(names|descriptions)\\[.*", "$1"))
            .collect(Collectors.toSet()),
        violations.toString());

    WorkingGroup noTopic = new WorkingGroup();
    noTopic.setName(Language.EN, "No topic " + unique);
    assertTrue(
        Failures.invalidArguments(
                assertThrows(
                    EJBException.class,
                    () -> TestSubjects.run(admin, () -> membership.createWorkingGroup(noTopic))))
            .isPresent());
    WorkingGroup nameless = new WorkingGroup(Topic.CULTURE);
    nameless.setName(Language.EN, "   ");
    BusinessException noName =
        assertThrows(
            WorkingGroupNameRequiredException.class,
            () -> TestSubjects.run(admin, () -> membership.createWorkingGroup(nameless)));
    assertEquals(
        "Podaj nazwę grupy roboczej w co najmniej jednym języku.",
        Messages.format(Language.PL.locale(), noName.getMessageKey()));
    assertTrue(
        Failures.invalidArguments(
                assertThrows(
                    EJBException.class,
                    () ->
                        TestSubjects.run(
                            admin,
                            () ->
                                membership.listWorkingGroups(
                                    new WorkingGroupQuery(null, null, "z".repeat(101))))))
            .isPresent());
    assertEquals(
        0,
        data.query(
                "select count(g) from WorkingGroup g where g.searchKey like ?1",
                Long.class,
                "%no topic " + unique + "%")
            .get(0));

    String script = "<script>alert('" + unique + "')</script>";
    WorkingGroup hostile = group(script);
    assertEquals(script, read(hostile.getId()).nameIn(Language.EN));
    assertEquals(
        "Grupa " + script,
        TestSubjects.as(
                admin,
                () -> membership.listWorkingGroups(new WorkingGroupQuery(null, null, unique)))
            .get(0)
            .nameIn(Language.PL));
  }

  @Test
  void aStaleEditIsRefusedWithTheConflictMessageAndNothingIsOverwritten() throws Exception {
    WorkingGroup group = group("Youth exchange " + unique);
    WorkingGroup first = read(group.getId());
    WorkingGroup second = read(group.getId());
    first.setName(Language.EN, "First " + unique);
    TestSubjects.run(admin, () -> membership.updateWorkingGroup(first));
    second.setName(Language.EN, "Second " + unique);
    ConcurrentChangeException conflict =
        assertThrows(
            ConcurrentChangeException.class,
            () -> TestSubjects.run(admin, () -> membership.updateWorkingGroup(second)));
    assertEquals(
        "W międzyczasie ktoś inny zmienił ten rekord. Wczytaj go ponownie, sprawdź zmiany i"
            + " wprowadź swoje jeszcze raz.",
        Messages.format(Language.PL.locale(), conflict.getMessageKey()));
    assertEquals("First " + unique, read(group.getId()).nameIn(Language.EN));

    // A member added since the form was read counts as a change, too.
    WorkingGroup third = read(group.getId());
    add(admin, group.getId(), poles.get(0));
    third.setTopic(Topic.EDUCATION);
    assertThrows(
        ConcurrentChangeException.class,
        () -> TestSubjects.run(admin, () -> membership.updateWorkingGroup(third)));
    assertEquals(Topic.TOURISM, read(group.getId()).getTopic());
  }

  @Test
  void concurrentMemberChangesAllCountAndConcurrentEditsOneWins() throws Exception {
    WorkingGroup group = group("Concurrent " + unique);
    long groupId = group.getId();
    List<Long> everyone = new ArrayList<>(poles);
    everyone.addAll(slovaks);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Object>> adds = new ArrayList<>();
      for (long personId : everyone) {
        adds.add(
            pool.submit(
                () -> {
                  add(admin, groupId, personId);
                  return null;
                }));
      }
      for (Future<Object> added : adds) {
        added.get();
      }
      assertEquals(Set.copyOf(everyone), memberIds(read(groupId)));

      // Four forms read the same version, then are saved at once.
      List<WorkingGroup> copies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        WorkingGroup copy = read(groupId);
        copy.setName(Language.EN, "Edit " + i + " " + unique);
        copies.add(copy);
      }
      List<Future<WorkingGroup>> edits = new ArrayList<>();
      for (WorkingGroup copy : copies) {
        edits.add(
            pool.submit(() -> TestSubjects.as(admin, () -> membership.updateWorkingGroup(copy))));
      }
      int saved = 0;
      for (Future<WorkingGroup> edit : edits) {
        try {
          edit.get();
          saved++;
        } catch (java.util.concurrent.ExecutionException refused) {
          assertTrue(
              Failures.businessCause(refused.getCause()).orElseThrow()
                  instanceof ConcurrentChangeException,
              refused.getCause().toString());
        }
      }
      assertEquals(1, saved);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        6,
        audited(read(groupId)).stream()
            .filter(action -> action == AuditAction.WORKING_GROUP_MEMBER_ADDED)
            .count());
  }

  @Test
  void removingAPersonFromTheDirectoryTakesThemOutOfTheirGroups() throws Exception {
    WorkingGroup group = group("Leavers " + unique);
    long groupId = group.getId();
    add(admin, groupId, poles.get(0));
    add(admin, groupId, slovaks.get(0));
    nameCoordinator(groupId, poles.get(0));
    TestSubjects.run(admin, () -> membership.removePerson(poles.get(0)));

    WorkingGroup after = read(groupId);
    assertNull(after.getCoordinator());
    assertEquals(Set.of(slovaks.get(0)), memberIds(after));
    assertEquals(
        AuditAction.WORKING_GROUP_MEMBER_REMOVED, audited(after).get(audited(after).size() - 1));
  }

  @Test
  void theListRunsTheSameFewStatementsHoweverManyGroupsAndMembers() throws Exception {
    WorkingGroup one = group("Bounded " + unique);
    add(admin, one.getId(), poles.get(0));
    WorkingGroupQuery query = new WorkingGroupQuery(null, null, "bounded " + unique);
    long few = statements(() -> membership.listWorkingGroups(query));
    for (int i = 0; i < 8; i++) {
      WorkingGroup more = group("Bounded " + unique + " " + i);
      add(admin, more.getId(), poles.get(i % 3));
      add(admin, more.getId(), slovaks.get(i % 3));
      nameCoordinator(more.getId(), slovaks.get(i % 3));
    }
    long many = statements(() -> membership.listWorkingGroups(query));
    assertEquals(few, many, "statements for 1 and for 9 groups");
    assertTrue(many <= 4, "statements: " + many);
    List<WorkingGroup> listed = TestSubjects.as(admin, () -> membership.listWorkingGroups(query));
    assertEquals(9, listed.size());
    assertEquals(2, listed.get(8).getTowns().size(), "members and their towns come with the list");
  }

  private long statements(Callable<?> work) throws Exception {
    return StatementCount.of(data, admin, work);
  }
}
