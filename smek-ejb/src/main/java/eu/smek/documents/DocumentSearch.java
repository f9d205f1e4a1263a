package eu.smek.documents;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * The full-text search of documents, behind one interface so that the engine can change without
 * touching its callers: Hibernate Search with a Lucene index on each node's disk ({@link
 * LuceneDocumentSearch}), kept up to date on every node from the index journal ({@link
 * SearchIndexFollower}; see the README, search in a cluster). Access rules are the caller's: {@link
 * DocumentService#search} passes what the user may read.
 */
public interface DocumentSearch {

  /** A page of the documents in {@code scope} that match the query, best first. */
  DocumentHits search(DocumentQuery query, ReadableScope scope, int first, int max);

  /**
   * Indexes the documents again as the database has them now, and removes those it no longer has;
   * returns once the index holds the result and searches see it.
   */
  void reindex(Collection<Long> documentIds);

  /** Rebuilds the whole index from the database, in the background. */
  CompletionStage<?> rebuild();

  /** Whether the index holds no document while the database does (its files were lost). */
  boolean isEmptyWhileDatabaseIsNot();
}
