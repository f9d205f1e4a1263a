package eu.smek.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
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

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = true)
  void fire(Timer timer) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into " + TABLE + " (node, fired_at, next_timeout) values (?, ?, ?)")) {
      insert.setString(1, System.getProperty("jboss.node.name"));
      insert.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
      insert.setTimestamp(3, new Timestamp(timer.getNextTimeout().getTime()));
      insert.executeUpdate();
    }
  }
}
