package eu.smek.operations;

import java.time.Instant;
import java.util.List;

/**
 * A running node as the IT operator sees it. {@code clusterMembers} is empty on a single server;
 * the blob store's figures are {@code -1} when its directory cannot be read.
 */
public record SystemStatus(
    String applicationVersion,
    String buildCommit,
    String buildTime,
    String nodeName,
    List<String> clusterMembers,
    Instant startedAt,
    String databaseProduct,
    String databaseVersion,
    boolean embeddedDatabase,
    long accounts,
    long organisations,
    String blobStoreDirectory,
    long blobFiles,
    long blobBytes,
    long blobFreeBytes,
    String blobStoreProblem) {

  public boolean singleServer() {
    return clusterMembers.isEmpty();
  }

  /** The cluster's members, comma-separated. */
  public String members() {
    return String.join(", ", clusterMembers);
  }
}
