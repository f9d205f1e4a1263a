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
import java.util.List;
import javax.sql.DataSource;

/** The state of this node, for IT operators. */
@Stateless
public class OperationsService {

  @Resource(lookup = Database.JNDI_NAME)
  private DataSource dataSource;

  @PersistenceContext private EntityManager em;

  @RequiresPermission(OPERATIONS_VIEW)
  public SystemStatus status() {
    Database database = Database.of(dataSource);
    // Flyway's own history table, read directly: Flyway's API would need a connection outside
    // this transaction.
    @SuppressWarnings("unchecked")
    List<Object> versions =
        em.createNativeQuery(
                "select version from flyway_schema_history"
                    + " where success = true and version is not null order by installed_rank desc")
            .getResultList();
    return new SystemStatus(
        OperationsService.class.getPackage().getImplementationVersion(),
        System.getProperty("jboss.node.name", "-"),
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
        database.product(),
        database.version(),
        database.embedded(),
        versions.isEmpty() ? "-" : String.valueOf(versions.get(0)),
        versions.size(),
        count("select count(a) from Account a"),
        count("select count(o) from Organisation o"));
  }

  private long count(String query) {
    return em.createQuery(query, Long.class).getSingleResult();
  }
}
