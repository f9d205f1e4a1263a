package eu.smek.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers a trivial query within {@code smek.health.db-timeout-seconds}
 * (08-observability.cli, default 3). The query runs on a managed thread and the check waits only
 * that long, because taking a connection from the pool or opening one to an unreachable host can
 * block far longer than a load balancer waits for its answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final String NAME = "smek-database";

  /** The EJB module's {@code Database.JNDI_NAME}, which this jar in the EAR's lib cannot see. */
  @Resource(lookup = "java:jboss/datasources/SmekDS")
  private DataSource dataSource;

  @Resource private ManagedExecutorService executor;

  @Override
  public HealthCheckResponse call() {
    Optional<String> problem =
        problem(dataSource, executor, Integer.getInteger("smek.health.db-timeout-seconds", 3));
    return problem
        .map(error -> HealthCheckResponse.named(NAME).down().withData("error", error).build())
        .orElseGet(() -> HealthCheckResponse.named(NAME).up().build());
  }

  /**
   * Why the database cannot serve now, or empty: it must answer {@code select 1}, run on {@code
   * executor}, within {@code timeoutSeconds}.
   */
  static Optional<String> problem(DataSource dataSource, Executor executor, int timeoutSeconds) {
    CompletableFuture<Void> query =
        CompletableFuture.runAsync(() -> selectOne(dataSource, timeoutSeconds), executor);
    try {
      query.get(timeoutSeconds, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      query.cancel(true);
      return Optional.of("no answer within " + timeoutSeconds + " s");
    } catch (ExecutionException e) {
      return Optional.of(String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private static void selectOne(DataSource dataSource, int timeoutSeconds) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet result = statement.executeQuery("select 1")) {
        result.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
