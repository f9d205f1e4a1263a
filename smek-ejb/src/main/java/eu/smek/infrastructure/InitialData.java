package eu.smek.infrastructure;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.calendar.DemoEvents;
import eu.smek.documents.DemoLibraries;
import eu.smek.membership.CaseEntry;
import eu.smek.membership.CaseKind;
import eu.smek.membership.CaseStep;
import eu.smek.membership.Cell;
import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.LanguageLevel;
import eu.smek.membership.LanguageSkill;
import eu.smek.membership.MembershipCase;
import eu.smek.membership.MembershipChange;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.membership.Person;
import eu.smek.membership.WorkingGroup;
import eu.smek.security.Account;
import eu.smek.security.PasswordPolicy;
import eu.smek.security.Passwords;
import eu.smek.security.Role;
import eu.smek.security.WeakPasswordException;
import eu.smek.shared.Language;
import eu.smek.shared.StoredFile;
import eu.smek.telesession.DemoTelesessions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Accounts the application cannot start without: one demo account per role on the embedded demo
 * database, and on a production database the first administrator, whose password comes from the
 * environment and never from a default. Called by {@link Bootstrap} only.
 */
@Stateless
public class InitialData {

  private static final Logger LOG = Logger.getLogger(InitialData.class.getName());

  /** One account per role, for the guided tour; the README lists the same passwords. */
  static final List<DemoAccount> DEMO_ACCOUNTS =
      List.of(
          new DemoAccount(
              "admin",
              "Euroregion-2026",
              "Anna Nowak",
              "PP1",
              Language.PL,
              Role.ASSOCIATION_ADMINISTRATOR),
          new DemoAccount(
              "coordinator",
              "Przemysl-2026",
              "Piotr Kowalski",
              "PP3",
              Language.PL,
              Role.TOWN_COORDINATOR),
          new DemoAccount(
              "clerk", "Humenne-2026", "Jana Horváthová", "LP", Language.SK, Role.CLERK),
          new DemoAccount(
              "operator", "WildFly-2026", "Martin Kováč", "PP2", Language.EN, Role.IT_OPERATOR));

  @PersistenceContext private EntityManager em;
  @Inject private Passwords passwords;
  @Inject private AuditService audit;
  @Inject private FileStore files;
  @Inject private DemoLibraries demoLibraries;
  @Inject private DemoEvents demoEvents;
  @Inject private DemoTelesessions demoTelesessions;

  /** Creates the demo accounts that do not exist yet; safe to call at every start. */
  public void createDemoAccounts() {
    for (DemoAccount demo : DEMO_ACCOUNTS) {
      if (!loginExists(demo.login())) {
        createAccount(
            demo.login(),
            demo.password(),
            demo.displayName(),
            demo.login() + "@demo.smek.example",
            demo.organisationCode(),
            demo.language(),
            demo.role());
      }
    }
  }

  /**
   * Fills the founding partners' cells with people, once: when no cell has anyone yet. The demo
   * accounts become people of their organisation's cell, the coordinator its coordinator.
   */
  public void createDemoDirectory() {
    if (em.createQuery("select count(p) from Person p", Long.class).getSingleResult() > 0) {
      return;
    }
    List<Cell> cells =
        em.createQuery("select c from Cell c join fetch c.organisation o order by o.id", Cell.class)
            .getResultList();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      List<Person> people = DemoDirectory.peopleFor(cell, i);
      for (DemoAccount demo : DEMO_ACCOUNTS) {
        if (demo.organisationCode().equals(cell.getOrganisation().getCode())) {
          Person holder = demoPerson(cell, demo, people);
          em.createQuery("select a from Account a where a.login = :login", Account.class)
              .setParameter("login", demo.login())
              .getResultStream()
              .findFirst()
              .ifPresent(account -> account.setPerson(holder));
        }
      }
      people.forEach(em::persist);
    }
    LOG.info("Filled the founding partners' cells with demo people");
  }

  /**
   * A town in the middle of its accession, once: Stropkov has applied with its council's resolution
   * and an administrator has commented; the guided tour takes it from there.
   */
  public void createDemoAccession() {
    if (em.createQuery("select count(c) from MembershipCase c", Long.class).getSingleResult() > 0) {
      return;
    }
    Organisation town =
        new Organisation("STROPKOV", "Mesto Stropkov", Country.SK, OrganisationType.TOWN);
    town.getTranslatedNames().put(Language.PL, "Miasto Stropkov");
    town.getTranslatedNames().put(Language.EN, "Town of Stropkov");
    town.getAddress().setStreet("Hlavná 2/38");
    town.getAddress().setPostalCode("091 01");
    town.getAddress().setCity("Stropkov");
    town.setWebsite("https://www.stropkov.sk");
    town.setLatitude(new BigDecimal("49.202500"));
    town.setLongitude(new BigDecimal("21.651400"));
    town.setStatus(MembershipStatus.APPLICANT);
    em.persist(town);
    StoredFile resolution =
        files.store(
            Upload.of(
                "uznesenie-msz-stropkov-2026-41.pdf",
                DemoDocuments.pdf("Uznesenie MsZ Stropkov c. 41/2026: pristupenie k sieti SMEK")),
            FileStore.PDF,
            FileStore.DOCUMENT_LIMIT);
    LocalDate applied = LocalDate.now().minusDays(12);
    em.persist(
        new MembershipChange(
            town, null, MembershipStatus.PROSPECT, applied.minusDays(30), null, null, "admin"));
    em.persist(
        new MembershipChange(
            town,
            MembershipStatus.PROSPECT,
            MembershipStatus.APPLICANT,
            applied,
            null,
            resolution,
            "admin"));
    MembershipCase accession = new MembershipCase(town, CaseKind.ACCESSION);
    accession.setContactName("Lenka Hricová");
    accession.setContactPosition("prednostka mestského úradu");
    accession.setContactEmail("lenka.hricova@stropkov.example");
    accession.setContactPhone("+421 54 742 22 11");
    em.persist(accession);
    em.persist(
        new CaseEntry(
            accession,
            CaseStep.OPENED,
            "Mesto Stropkov chce spolupracovať najmä v cestovnom ruchu a doprave.",
            resolution,
            "admin"));
    em.persist(
        new CaseEntry(
            accession,
            CaseStep.COMMENTED,
            "Uznesenie je v poriadku; chýba ešte kontakt na koordinátora pre dopravu.",
            null,
            "admin"));
    LOG.info("Created the demo accession of Mesto Stropkov");
  }

  /**
   * Two working groups, once: when there is none yet. "Cross-border tourism" is active and
   * coordinated from Przemyśl by the demo coordinator, so the guided tour can manage its members;
   * "Transport" is paused.
   */
  public void createDemoWorkingGroups() {
    if (em.createQuery("select count(g) from WorkingGroup g", Long.class).getSingleResult() > 0) {
      return;
    }
    Person coordinator =
        em.createQuery("select a.person from Account a where a.login = 'coordinator'", Person.class)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (coordinator == null) {
      return;
    }
    WorkingGroup tourism =
        DemoWorkingGroups.tourism(coordinator, deputies("LP", "PP5", "PP7", "PP11"));
    WorkingGroup transport = DemoWorkingGroups.transport(deputies("PP10", "PP4", "PP8"));
    em.persist(tourism);
    em.persist(transport);
    LOG.info("Created the demo working groups");
  }

  /**
   * Document libraries with documents, once: when there is none yet, and only once the demo
   * accounts and working groups exist (see {@link DemoLibraries}).
   */
  public void createDemoLibraries() {
    if (em.createQuery("select count(l) from Library l", Long.class).getSingleResult() > 0
        || !DEMO_ACCOUNTS.stream().allMatch(demo -> loginExists(demo.login()))) {
      return;
    }
    demoLibraries.create(DemoDocuments::pdf);
    LOG.info("Created the demo document libraries");
  }

  /**
   * Calendar events, once: when there is none yet, and only once the demo accounts and working
   * groups exist (see {@link DemoEvents}).
   */
  public void createDemoEvents() {
    if (em.createQuery("select count(e) from CalendarEvent e", Long.class).getSingleResult() > 0
        || em.createQuery("select count(g) from WorkingGroup g", Long.class).getSingleResult() == 0
        || !DEMO_ACCOUNTS.stream().allMatch(demo -> loginExists(demo.login()))) {
      return;
    }
    demoEvents.create();
    LOG.info("Created the demo calendar events");
  }

  /**
   * Telesessions, once: when there is none yet, and only once the demo accounts exist (see {@link
   * DemoTelesessions}).
   */
  public void createDemoTelesessions() {
    if (em.createQuery("select count(t) from Telesession t", Long.class).getSingleResult() > 0
        || !DEMO_ACCOUNTS.stream().allMatch(demo -> loginExists(demo.login()))) {
      return;
    }
    demoTelesessions.create();
    LOG.info("Created the demo telesessions");
  }

  /**
   * Rooms and equipment of three town halls, once: when there is none yet. Przemyśl's (the demo
   * coordinator's town) include a projector and a room no longer offered.
   */
  public void createDemoResources() {
    if (em.createQuery("select count(r) from BookableResource r", Long.class).getSingleResult()
        > 0) {
      return;
    }
    DemoResources.all(this::organisation).forEach(em::persist);
    LOG.info("Created the demo rooms and equipment");
  }

  private Organisation organisation(String code) {
    return em.createQuery("select o from Organisation o where o.code = :code", Organisation.class)
        .setParameter("code", code)
        .getSingleResult();
  }

  /** The deputies of the given organisations' cells, in that order. */
  private List<Person> deputies(String... codes) {
    return Arrays.stream(codes)
        .map(
            code ->
                em.createQuery(
                        "select p from Person p where p.cell.organisation.code = :code"
                            + " and p.role = :deputy order by p.id",
                        Person.class)
                    .setParameter("code", code)
                    .setParameter("deputy", CellRole.DEPUTY)
                    .setMaxResults(1)
                    .getSingleResult())
        .toList();
  }

  /** The demo account's holder: the cell's coordinator for the coordinator, else a new member. */
  private static Person demoPerson(Cell cell, DemoAccount demo, List<Person> people) {
    String[] name = demo.displayName().split(" ", 2);
    Person holder;
    if (demo.role() == Role.TOWN_COORDINATOR) {
      holder = people.get(0);
      holder.setGivenName(name[0]);
      holder.setFamilyName(name[1]);
    } else {
      holder = new Person(cell, name[0], name[1], CellRole.MEMBER);
      holder.getLanguages().add(new LanguageSkill(demo.language().code(), LanguageLevel.NATIVE));
      people.add(holder);
    }
    holder.setEmail(demo.login() + "@demo.smek.example");
    return holder;
  }

  /**
   * Creates the first association administrator from {@code SMEK_ADMIN_PASSWORD} (and optionally
   * {@code SMEK_ADMIN_LOGIN}, {@code SMEK_ADMIN_EMAIL}, {@code SMEK_ADMIN_ORGANISATION}) when no
   * active administrator exists. A password that breaks the policy stops the start with a clear
   * message rather than creating a weak account.
   */
  public void createFirstAdministrator(Map<String, String> environment) {
    String password = environment.get("SMEK_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      return;
    }
    String login = environment.getOrDefault("SMEK_ADMIN_LOGIN", "admin");
    // A weak password is a configuration error, reported even when it would not be used.
    try {
      PasswordPolicy.check(login, password);
    } catch (WeakPasswordException e) {
      throw new IllegalStateException(
          "SMEK_ADMIN_PASSWORD breaks the password policy (" + e.getMessageKey() + ")", e);
    }
    if (activeAdministratorExists()) {
      return;
    }
    createAccount(
        login,
        password,
        "Administrator",
        environment.getOrDefault("SMEK_ADMIN_EMAIL", "admin@localhost"),
        environment.getOrDefault("SMEK_ADMIN_ORGANISATION", "PP1"),
        Language.DEFAULT,
        Role.ASSOCIATION_ADMINISTRATOR);
    LOG.info(() -> "Created the first administrator '" + login + "' from SMEK_ADMIN_PASSWORD");
  }

  private void createAccount(
      String login,
      String password,
      String displayName,
      String email,
      String organisationCode,
      Language language,
      Role role) {
    Organisation organisation =
        em.createQuery("select o from Organisation o where o.code = :code", Organisation.class)
            .setParameter("code", organisationCode)
            .getSingleResult();
    Account account = new Account(login, displayName, email, organisation, language);
    account.setPasswordHash(passwords.hash(password));
    account.getRoles().add(role);
    em.persist(account);
    em.flush();
    audit.record(AuditAction.ACCOUNT_CREATED, "account:" + account.getId(), "role " + role);
  }

  private boolean loginExists(String login) {
    return em.createQuery("select count(a) from Account a where a.login = :login", Long.class)
            .setParameter("login", login)
            .getSingleResult()
        > 0;
  }

  private boolean activeAdministratorExists() {
    return em.createQuery(
                "select count(a) from Account a join a.roles r where a.active = true and r = :role",
                Long.class)
            .setParameter("role", Role.ASSOCIATION_ADMINISTRATOR)
            .getSingleResult()
        > 0;
  }

  record DemoAccount(
      String login,
      String password,
      String displayName,
      String organisationCode,
      Language language,
      Role role) {}
}
