package eu.smek.documents;

/**
 * The full-text search of documents, behind one interface so that the engine can change without
 * touching its callers: today Hibernate Search with a Lucene index on each node's disk ({@link
 * LuceneDocumentSearch}); in a cluster, Elasticsearch/OpenSearch or Hibernate Search's
 * outbox-polling coordination (see the README). Access rules are the caller's: {@link
 * DocumentService#search} passes what the user may read.
 */
public interface DocumentSearch {

  /** A page of the documents in {@code scope} that match the query, best first. */
  DocumentHits search(DocumentQuery query, ReadableScope scope, int first, int max);

  /**
   * Rebuilds the index from the database in the background if it holds no document while the
   * database does; returns whether it started.
   */
  boolean rebuildIfEmpty();
}
