package eu.smek.operations;

/**
 * The schema as Flyway sees it: the version reached, how many migrations are applied, known to this
 * node but not applied (pending), failed, or applied by a newer version of the application than
 * this node's (future: normal for a moment in a rolling upgrade).
 */
public record Migrations(String schemaVersion, int applied, int pending, int failed, int future) {

  public boolean healthy() {
    return pending == 0 && failed == 0;
  }
}
