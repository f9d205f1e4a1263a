package eu.smek.operations;

import eu.smek.infrastructure.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

  @Resource(lookup = Database.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedExecutorService executor;

  @Override
  public HealthCheckResponse call() {
    int timeout = Integer.getInteger("smek.health.db-timeout-seconds", 3);
    CompletableFuture<Void> query = CompletableFuture.runAsync(this::selectOne, executor);
    try {
      query.get(timeout, TimeUnit.SECONDS);
      return HealthCheckResponse.named("smek-database").up().build();
    } catch (TimeoutException e) {
      query.cancel(true);
      return down("no answer within " + timeout + " s");
    } catch (ExecutionException e) {
      return down(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted");
    }
  }

  private void selectOne() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(Integer.getInteger("smek.health.db-timeout-seconds", 3));
      try (ResultSet result = statement.executeQuery("select 1")) {
        result.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static HealthCheckResponse down(String error) {
    return HealthCheckResponse.named("smek-database").down().withData("error", error).build();
  }
}
