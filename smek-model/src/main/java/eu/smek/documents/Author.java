package eu.smek.documents;

import java.time.Instant;

/** Who does something to a document, and when. */
public record Author(Long accountId, String name, Instant at) {}
