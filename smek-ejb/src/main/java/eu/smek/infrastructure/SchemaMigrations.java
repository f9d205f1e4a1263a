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
        .failOnMissingLocations(true)
        // The server's timer service (wildfly-config 10-timers.cli) creates its table
        // jboss_ejb_timer in the same schema when it starts, before the application migrates: on a
        // new database Flyway then finds a schema that is not empty. A baseline at version 0
        // records that and applies every migration from V1; a database with a history is not
        // affected.
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }
}
