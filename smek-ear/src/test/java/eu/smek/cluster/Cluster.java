package eu.smek.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local cluster of wildfly-config/src/main/scripts, for tests: started by cluster-start.sh
 * (PostgreSQL database, node-1 and node-2 on standalone-ha.xml, a balancer in front, one shared
 * blob store) and stopped by cluster-stop.sh; nodes can be killed, restarted and asked who their
 * cluster members are. One cluster serves every *ClusterIT of a run: the first {@link #get()}
 * starts it (or takes the one already running, e.g. started by hand for debugging) and a shutdown
 * hook stops what it started.
 *
 * <p>Addresses come from the state file the start script writes ({@code cluster.env}); the scripts'
 * directory is the system property {@code cluster.scripts}, set by the {@code cluster} profile of
 * smek-ear.
 */
public final class Cluster {

  private static final Duration START = Duration.ofMinutes(15);
  private static Cluster running;

  private final Path scripts;
  private final Path dir;
  private Map<String, String> state;

  private Cluster(Path scripts, Path dir) {
    this.scripts = scripts;
    this.dir = dir;
    this.state = readState();
  }

  /** The cluster, started on first use. */
  public static synchronized Cluster get() {
    if (running == null) {
      Path scripts =
          Path.of(System.getProperty("cluster.scripts", "../wildfly-config/src/main/scripts"));
      Path dir =
          Path.of(
              Optional.ofNullable(System.getenv("SMEK_CLUSTER_DIR"))
                  .orElse(scripts.resolve("../../../target/cluster").normalize().toString()));
      if (!Files.exists(dir.resolve("cluster.env"))) {
        run(START, scripts.resolve("cluster-start.sh").toString());
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () ->
                        run(Duration.ofMinutes(2), scripts.resolve("cluster-stop.sh").toString())));
      }
      running = new Cluster(scripts, dir);
    }
    return running;
  }

  /** The balancer's address, http://127.0.0.1:28580 by default: what users reach. */
  public String balancer() {
    return state.get("SMEK_BALANCER_URL");
  }

  /** How many nodes the cluster has. */
  public int nodes() {
    return Integer.parseInt(state.get("SMEK_CLUSTER_NODES"));
  }

  /** A node's own HTTP address, bypassing the balancer. */
  public String node(int n) {
    return "http://127.0.0.1:" + (8080 + offset(n));
  }

  /** The JDBC URL of the cluster's PostgreSQL database. */
  public String databaseUrl() {
    return state.get("SMEK_CLUSTER_DB_URL");
  }

  /** The shared blob store directory. */
  public Path documents() {
    return dir.resolve("documents");
  }

  /** A node's base directory (its deployments/, log/server.log, data/). */
  public Path base(int n) {
    return Path.of(state.get("SMEK_NODE_" + n + "_BASE"));
  }

  private int offset(int n) {
    return Integer.parseInt(state.get("SMEK_NODE_" + n + "_OFFSET"));
  }

  /** Kills a node's JVM with SIGKILL, as a crash would, and waits until it is gone. */
  public void kill(int n) {
    long pid = Long.parseLong(read(base(n).resolve("server.pid")).trim());
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              process.destroyForcibly();
              process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
  }

  /**
   * Starts a node again with its own start.sh and waits until it serves the application and is a
   * member of the cluster again, with every other node that runs.
   */
  public void restart(int n) {
    run(Duration.ofMinutes(2), base(n).resolve("start.sh").toString());
    waitUntil(
        () -> answers(node(n) + "/login") && members(n).size() == running(),
        START,
        "node-" + n + " to serve and rejoin the cluster");
  }

  /** How many nodes have a live process. */
  private int running() {
    int running = 0;
    for (int n = 1; n <= nodes(); n++) {
      Path pid = base(n).resolve("server.pid");
      if (Files.exists(pid)
          && ProcessHandle.of(Long.parseLong(read(pid).trim()))
              .map(ProcessHandle::isAlive)
              .orElse(false)) {
        running++;
      }
    }
    return running;
  }

  /**
   * The members of the cluster as a node sees them (its JGroups view of channel ee), through its
   * management interface with the CLI's local authentication.
   */
  public List<String> members(int n) {
    String out =
        run(
            Duration.ofMinutes(2),
            scripts.resolve("../../../target/wildfly/bin/jboss-cli.sh").normalize().toString(),
            "-c",
            "--controller=remote+http://127.0.0.1:" + (9990 + offset(n)),
            "--command=/subsystem=jgroups/channel=ee:read-attribute(name=view)");
    // "result" => "[node-1|3] (2) [node-1, node-2]"; a member that rejoined may carry its JGroups
    // version: "node-1(v=16.0.5)".
    int open = out.lastIndexOf('[');
    int close = out.lastIndexOf(']');
    if (open < 0 || close < open) {
      return List.of();
    }
    return Stream.of(out.substring(open + 1, close).split(",\\s*"))
        .map(member -> member.replaceFirst("\\(v=[^)]*\\)$", ""))
        .toList();
  }

  /** Runs SQL in the cluster's database with psql and returns its unaligned output. */
  public String sql(String statement) {
    String url = databaseUrl();
    String database = url.substring(url.lastIndexOf('/') + 1);
    return run(
            Duration.ofMinutes(1),
            "psql",
            "-At",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            database,
            "-c",
            statement)
        .trim();
  }

  /** Whether an address answers with a status below 500. */
  public static boolean answers(String url) {
    try {
      var connection =
          (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(20000);
      return connection.getResponseCode() < 500;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Polls a condition once a second until it holds; fails after the timeout. */
  public static void waitUntil(
      java.util.function.BooleanSupplier condition, Duration timeout, String what) {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what);
      }
    }
  }

  private Map<String, String> readState() {
    Map<String, String> values = new HashMap<>();
    for (String line : read(dir.resolve("cluster.env")).split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command, its output in a file (never a full pipe), and fails on a non-zero exit. */
  private static String run(Duration timeout, String... command) {
    try {
      Path output = Files.createTempFile("smek-cluster", ".log");
      Map<String, String> environment = new HashMap<>();
      environment.putIfAbsent("PGHOST", "127.0.0.1");
      environment.putIfAbsent("PGUSER", "postgres");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      environment.forEach((k, v) -> builder.environment().putIfAbsent(k, v));
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("Timed out: " + String.join(" ", command) + "\n" + read(output));
      }
      String out = read(output);
      Files.delete(output);
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted: " + String.join(" ", command));
    }
  }
}
