package eu.smek.it;

import eu.smek.membership.Cell;
import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.LanguageLevel;
import eu.smek.membership.LanguageSkill;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.membership.Person;
import eu.smek.membership.Topic;
import eu.smek.security.Account;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.LoginThrottle;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Test data that each test makes for itself: accounts with unique names (so tests never depend on
 * each other or on demo data), and direct reads of what services wrote. Works on the application's
 * own persistence unit, with a fresh persistence context joined to this bean's transaction.
 */
@Stateless
public class TestData {

  /** The password of every account made here; it satisfies the password policy. */
  public static final String PASSWORD = "Integration-Test-2026";

  @Resource(lookup = "java:jboss/smek/EntityManagerFactory")
  private EntityManagerFactory factory;

  private <T> T withEntityManager(Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.joinTransaction();
      T result = work.apply(em);
      em.flush();
      return result;
    } finally {
      em.close();
    }
  }

  /** A new active account with one role in the organisation with the given code. */
  public AccountPrincipal account(Role role, String organisationCode) {
    return withEntityManager(
        em -> {
          String login = "it-" + UUID.randomUUID().toString().substring(0, 13);
          Account account =
              new Account(
                  login,
                  "Test " + role,
                  login + "@example.org",
                  organisation(em, organisationCode),
                  Language.EN);
          account.setPasswordHash(new DefaultPasswordService().encryptPassword(PASSWORD));
          account.getRoles().add(role);
          em.persist(account);
          em.flush();
          return new AccountPrincipal(account.getId(), login);
        });
  }

  public void deactivate(long accountId) {
    withEntityManager(
        em -> {
          em.find(Account.class, accountId).setActive(false);
          return null;
        });
  }

  public LoginThrottle findThrottle(String login) {
    return withEntityManager(em -> em.find(LoginThrottle.class, login));
  }

  /** The code of the organisation with the given id, which accounts are made for. */
  public String code(long organisationId) {
    return withEntityManager(em -> em.find(Organisation.class, organisationId).getCode());
  }

  public Organisation findOrganisation(String code) {
    return withEntityManager(em -> organisation(em, code));
  }

  public List<Organisation> organisations() {
    return withEntityManager(
        em ->
            em.createQuery("select o from Organisation o order by o.id", Organisation.class)
                .getResultList());
  }

  /** A JPQL query with positional parameters ?1, ?2, ... */
  public <T> List<T> query(String jpql, Class<T> type, Object... parameters) {
    return withEntityManager(
        em -> {
          TypedQuery<T> query = em.createQuery(jpql, type);
          for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
          }
          return query.getResultList();
        });
  }

  /** A JPQL update or delete with positional parameters; returns the number of rows changed. */
  public int update(String jpql, Object... parameters) {
    return withEntityManager(
        em -> {
          var query = em.createQuery(jpql);
          for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
          }
          return query.executeUpdate();
        });
  }

  public List<?> nativeQuery(String sql) {
    return withEntityManager(em -> em.createNativeQuery(sql).getResultList());
  }

  /** Renames an organisation in its own transaction, as another user would. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void rename(long organisationId, String name) {
    withEntityManager(
        em -> {
          em.find(Organisation.class, organisationId).setName(name);
          return null;
        });
  }

  /** Writes back a copy of an organisation read earlier, as a stale form would. */
  public Organisation save(Organisation stale) {
    return withEntityManager(em -> em.merge(stale));
  }

  /**
   * A new member town with an empty cell, as if admitted long ago; returns the organisation's id.
   * Much faster than the accession, for tests about cells and the directory.
   */
  public long memberTown(String name, Country country) {
    return withEntityManager(
        em -> {
          String code = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
          Organisation town = new Organisation(code, name, country, OrganisationType.TOWN);
          town.setStatus(MembershipStatus.MEMBER);
          em.persist(town);
          em.persist(new Cell(town, LocalDate.now()));
          return town.getId();
        });
  }

  /** Adds people straight to a town's cell, each speaking the given languages. */
  public List<Long> people(long organisationId, int count, String familyName, String... languages) {
    return withEntityManager(
        em -> {
          Cell cell =
              em.createQuery("select c from Cell c where c.organisation.id = ?1", Cell.class)
                  .setParameter(1, organisationId)
                  .getSingleResult();
          List<Long> ids = new java.util.ArrayList<>();
          for (int i = 0; i < count; i++) {
            Person person = new Person(cell, "Person" + i, familyName, CellRole.MEMBER);
            for (String language : languages) {
              person.getLanguages().add(new LanguageSkill(language, LanguageLevel.B2));
            }
            person.getTopics().add(Topic.values()[i % Topic.values().length]);
            em.persist(person);
            em.flush();
            ids.add(person.getId());
          }
          return ids;
        });
  }

  /** Makes an account point at its holder's entry in the directory. */
  public void linkAccount(long accountId, long personId) {
    withEntityManager(
        em -> {
          em.find(Account.class, accountId).setPerson(em.find(Person.class, personId));
          return null;
        });
  }

  /** Hibernate's statistics, switched on and cleared: tests count the SQL statements of a call. */
  public Statistics statistics() {
    Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    statistics.clear();
    return statistics;
  }

  /** The database's product name, e.g. H2 or PostgreSQL. */
  public String databaseProduct() {
    return withEntityManager(
        em ->
            em.unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName()));
  }

  /** Validates the database schema against the entities with Hibernate's schema validator. */
  public void validateSchema() {
    factory.unwrap(org.hibernate.SessionFactory.class).getSchemaManager().validateMappedObjects();
  }

  private static Organisation organisation(EntityManager em, String code) {
    return em.createQuery("select o from Organisation o where o.code = :code", Organisation.class)
        .setParameter("code", code)
        .getSingleResult();
  }
}
