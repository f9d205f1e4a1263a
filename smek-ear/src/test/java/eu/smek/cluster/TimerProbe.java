package eu.smek.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * A persistent timer every 5 seconds that writes down each time it runs, on which node and for
 * which scheduled time, into a table of the cluster's database: deployed by FailoverClusterIT on
 * every node in a WAR of its own, so the test sees whether each timeout ran once in the cluster,
 * also while a node is killed and restarted. Uses the server's timer configuration (10-timers.cli)
 * exactly as the application's jobs do.
 */
@Stateless
public class TimerProbe {

  static final String TABLE = "cluster_timer_probe";

  @Resource(lookup = "java:jboss/datasources/SmekDS")
  private DataSource database;

  /** How long the slow job takes. */
  static final long SLOW_MILLIS = 6_000;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = true)
  void fire(Timer timer) throws SQLException {
    record("fast", timer);
  }

  /**
   * A job that takes a while, so that the test can kill its node in the middle of it. Outside a
   * transaction, so that its start is written at once.
   */
  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = true)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void slow(Timer timer) throws SQLException, InterruptedException {
    record("slow-start", timer);
    Thread.sleep(SLOW_MILLIS);
    record("slow-end", timer);
  }

  private void record(String kind, Timer timer) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into "
                    + TABLE
                    + " (kind, node, fired_at, next_timeout) values (?, ?, ?, ?)")) {
      insert.setString(1, kind);
      insert.setString(2, System.getProperty("jboss.node.name"));
      insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
      insert.setTimestamp(4, new Timestamp(timer.getNextTimeout().getTime()));
      insert.executeUpdate();
    }
  }
}
