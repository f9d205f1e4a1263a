package eu.smek.operations;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The members of this node's cluster, read from the view of the JGroups channel {@code ee} that
 * WildFly's HA configuration uses, as the server's management model shows it over JMX. Without the
 * JGroups subsystem (standalone.xml) there is no such channel: a single server.
 */
final class ClusterMembers {

  private static final String CHANNEL = "jboss.as:subsystem=jgroups,channel=ee";

  private ClusterMembers() {}

  /** The members' names, or empty on a single server. */
  static List<String> read() {
    try {
      Object view =
          ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(CHANNEL), "view");
      return view == null ? List.of() : members(view.toString());
    } catch (InstanceNotFoundException e) {
      return List.of();
    } catch (JMException e) {
      throw new IllegalStateException("cannot read the cluster view from " + CHANNEL, e);
    }
  }

  /**
   * The members of a JGroups view such as {@code [node-a|3] (2) [node-a, node-b]}; a member that
   * rejoined may carry its JGroups version ({@code node-a(v=5.4.8)}), which is not part of its
   * name.
   */
  static List<String> members(String view) {
    int open = view.lastIndexOf('[');
    int close = view.lastIndexOf(']');
    if (open < 0 || close < open) {
      return List.of(view);
    }
    return Arrays.stream(view.substring(open + 1, close).split(","))
        .map(member -> member.trim().replaceFirst("\\(v=[^)]*\\)$", ""))
        .filter(member -> !member.isEmpty())
        .toList();
  }
}
