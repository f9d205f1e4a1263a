package eu.smek.infrastructure;

import eu.smek.membership.OrganisationSearchKeyMigration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * SMEK's Flyway migrations on the database: applied by {@link Bootstrap} at start-up, read by the
 * system status page. Not in Bootstrap itself, because an EJB should have no static methods.
 */
public final class SchemaMigrations {

  private SchemaMigrations() {}

  public static Flyway flyway(DataSource dataSource) {
    return configuration().dataSource(dataSource).load();
  }

  /** Every migration, SQL and Java; also what SchemaUpgradeTest upgrades old schemas with. */
  static FluentConfiguration configuration() {
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .locations("classpath:db/migration")
        // Java migrations live with their feature, not in db/migration, so they are named here.
        .javaMigrations(new OrganisationSearchKeyMigration())
        .failOnMissingLocations(true);
  }
}
