package eu.smek.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database's readiness: up when it answers in time, down with the reason otherwise. */
class DatabaseReadinessTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);

  @AfterEach
  void stop() {
    released.countDown();
    executor.shutdownNow();
  }

  @Test
  void aDatabaseThatAnswersIsReady() {
    assertThat(
            DatabaseReadiness.problem(
                dataSource(() -> DriverManager.getConnection("jdbc:h2:mem:ready")), executor, 3))
        .isEmpty();
  }

  @Test
  void aDatabaseThatRefusesConnectionsIsNotReadyAndSaysWhy() {
    assertThat(
            DatabaseReadiness.problem(
                dataSource(
                    () -> {
                      throw new SQLException("Connection to 10.0.0.9:5432 refused");
                    }),
                executor,
                3))
        .hasValue("Connection to 10.0.0.9:5432 refused");
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsNotReadyAfterTheTimeoutNotLater() {
    long start = System.nanoTime();
    // What an unreachable host looks like: taking a connection blocks.
    assertThat(
            DatabaseReadiness.problem(
                dataSource(
                    () -> {
                      try {
                        released.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      throw new SQLException("interrupted");
                    }),
                executor,
                1))
        .hasValue("no answer within 1 s");
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 10_000L);
  }

  private interface Connect {
    Connection get() throws SQLException;
  }

  /** A data source whose only working method is {@code getConnection()}. */
  private static DataSource dataSource(Connect connect) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                return connect.get();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
