package eu.smek.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Start-up: brings the schema to the current version, then creates the initial data. The EAR
 * initialises its modules in order, so all of this is done before the web module serves anything.
 * Flyway runs its own transactions, hence no container transaction here.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  private DataSource dataSource;

  @Inject private InitialData initialData;

  @PostConstruct
  void start() {
    MigrateResult migration = migrate(dataSource);
    LOG.info(
        () ->
            "Database schema at version "
                // Flyway names no target version when there was nothing to migrate.
                + Objects.requireNonNullElse(
                    migration.targetSchemaVersion, migration.initialSchemaVersion)
                + " ("
                + migration.migrationsExecuted
                + " migrations applied now)");
    if (Database.of(dataSource).embedded()) {
      initialData.createDemoAccounts();
      initialData.createDemoDirectory();
      initialData.createDemoAccession();
      initialData.createDemoWorkingGroups();
      initialData.createDemoLibraries();
      initialData.createDemoEvents();
      initialData.createDemoResources();
      initialData.createDemoTelesessions();
    }
    initialData.createFirstAdministrator(System.getenv());
  }

  /** Applies the versioned migrations in {@code db/migration}; on a cluster, one node at a time. */
  static MigrateResult migrate(DataSource dataSource) {
    return SchemaMigrations.flyway(dataSource).migrate();
  }
}
