package eu.smek.operations;

import java.time.Instant;

/** A running node as the IT operator sees it. */
public record SystemStatus(
    String applicationVersion,
    String nodeName,
    Instant startedAt,
    String databaseProduct,
    String databaseVersion,
    boolean embeddedDatabase,
    String schemaVersion,
    int appliedMigrations,
    long accounts,
    long organisations) {}
