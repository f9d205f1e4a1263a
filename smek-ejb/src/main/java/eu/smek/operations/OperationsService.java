package eu.smek.operations;

import static eu.smek.security.Permissions.OPERATIONS_VIEW;

import eu.smek.infrastructure.Database;
import eu.smek.security.RequiresPermission;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** The state of this node, for IT operators. */
@Stateless
public class OperationsService {

  @Resource(lookup = Database.JNDI_NAME)
  private DataSource dataSource;

  @PersistenceContext private EntityManager em;

  @RequiresPermission(OPERATIONS_VIEW)
  public SystemStatus status() {
    Database database = Database.of(dataSource);
    MigrationInfoService migrations =
        Flyway.configure(OperationsService.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .info();
    MigrationInfo current = migrations.current();
    return new SystemStatus(
        OperationsService.class.getPackage().getImplementationVersion(),
        System.getProperty("jboss.node.name", "-"),
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
        database.product(),
        database.version(),
        database.embedded(),
        current == null ? "-" : current.getVersion().getVersion(),
        Arrays.stream(migrations.applied()).filter(m -> m.getState().isApplied()).toArray().length,
        count("select count(a) from Account a"),
        count("select count(o) from Organisation o"));
  }

  private long count(String query) {
    return em.createQuery(query, Long.class).getSingleResult();
  }
}
