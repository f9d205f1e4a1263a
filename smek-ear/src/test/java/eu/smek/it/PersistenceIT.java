package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.infrastructure.Failures;
import eu.smek.infrastructure.InitialData;
import eu.smek.membership.Country;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.operations.Migrations;
import eu.smek.operations.OperationsService;
import eu.smek.operations.SystemStatus;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.ConcurrentChangeException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema comes from Flyway, matches the entities, holds the seed data and detects conflicts.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/InitialData")
  private InitialData initialData;

  @EJB(lookup = "java:global/smek/smek-ejb/OperationsService")
  private OperationsService operations;

  @Test
  void everyMigrationIsApplied() {
    List<?> versions =
        data.nativeQuery(
            // Without the baseline a new database gets because the timer table came first.
            "select version from flyway_schema_history where success = true and version is not null"
                + " and type <> 'BASELINE' order by installed_rank");
    assertEquals(
        List.of(
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
            "17", "18", "19", "20", "21", "22"),
        versions.stream().map(String::valueOf).toList());
  }

  @Test
  void theMigratedSchemaMatchesTheEntities() {
    data.validateSchema();
  }

  @Test
  void theFoundingOrganisationsAreSeeded() {
    Map<String, Organisation> byCode =
        data.organisations().stream()
            .collect(Collectors.toMap(Organisation::getCode, organisation -> organisation));
    for (String code :
        List.of(
            "LP", "PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "PP7", "PP8", "PP9", "PP10", "PP11",
            "PP12")) {
      assertTrue(byCode.containsKey(code), code);
    }
    Organisation humenne = byCode.get("LP");
    assertEquals("Mesto Humenné", humenne.getName());
    assertEquals(Country.SK, humenne.getCountry());
    assertTrue(humenne.isLeadPartner());
    assertEquals(OrganisationType.ASSOCIATION, byCode.get("PP1").getType());
    assertEquals("Mesto Vranov nad Topľou", byCode.get("PP10").getName());
    assertEquals(Country.PL, byCode.get("PP12").getCountry());
  }

  @Test
  void demoAccountsExistOnlyOnTheEmbeddedDemoDatabase() {
    String database = data.databaseProduct();
    List<String> demoLogins =
        data.query(
            "select a.login from Account a where a.login in ('admin', 'coordinator', 'clerk', 'operator')",
            String.class);
    if (database.equals("H2")) {
      assertEquals(4, demoLogins.size(), demoLogins.toString());
    } else {
      assertEquals(List.of(), demoLogins, database);
    }
  }

  @Test
  void aWeakFirstAdministratorPasswordStopsTheStart() {
    EJBException refused =
        assertThrows(
            EJBException.class,
            () -> initialData.createFirstAdministrator(Map.of("SMEK_ADMIN_PASSWORD", "admin123")));
    assertInstanceOf(IllegalStateException.class, refused.getCause());
    // Without the variable nothing happens: no default administrator, ever.
    long accounts = data.query("select count(a) from Account a", Long.class).get(0);
    initialData.createFirstAdministrator(Map.of());
    assertEquals(accounts, data.query("select count(a) from Account a", Long.class).get(0));
  }

  @Test
  void theSystemStatusReportsTheSchemaAndTheDatabase() throws Exception {
    AccountPrincipal operator = data.account(Role.IT_OPERATOR, "PP2");
    SystemStatus status = TestSubjects.as(operator, () -> operations.status());
    Migrations migrations = TestSubjects.as(operator, () -> operations.migrations());
    assertEquals("22", migrations.schemaVersion());
    assertEquals(22, migrations.applied());
    assertEquals(data.databaseProduct(), status.databaseProduct());
    assertEquals(status.databaseProduct().equals("H2"), status.embeddedDatabase());
    assertTrue(status.organisations() >= 13);
  }

  @Test
  void aStaleWriteIsRefusedAsAConcurrentChange() {
    Organisation stale = data.findOrganisation("PP4");
    long versionRead = stale.getVersion();
    String renamed = "Gmina Miejska Przeworsk " + UUID.randomUUID();
    data.rename(stale.getId(), renamed);
    stale.setName("Przeworsk (stale copy)");

    EJBException refused = assertThrows(EJBException.class, () -> data.save(stale));

    assertInstanceOf(
        ConcurrentChangeException.class, Failures.businessCause(refused).orElseThrow());
    Organisation current = data.findOrganisation("PP4");
    assertEquals(renamed, current.getName());
    assertTrue(current.getVersion() > versionRead);
  }
}
