package eu.smek.operations;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The timer partition of this node: the nodes that share the rows of {@code jboss_ejb_timer}, as
 * 10-timers.cli sets it on the data store {@code smek-timers} ({@code SMEK_TIMER_PARTITION}).
 */
final class TimerPartition {

  private static final String DATA_STORE =
      "jboss.as:subsystem=ejb3,service=timer-service,database-data-store=smek-timers";

  private TimerPartition() {}

  /** The partition's name, or empty when the data store cannot be read. */
  static Optional<String> read() {
    try {
      Object partition =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName(DATA_STORE), "partition");
      return Optional.ofNullable(partition).map(Object::toString);
    } catch (JMException e) {
      return Optional.empty();
    }
  }
}
