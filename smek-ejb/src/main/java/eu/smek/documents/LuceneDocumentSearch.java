package eu.smek.documents;

import eu.smek.documents.index.DocumentIndex;
import eu.smek.shared.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesCollector;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.util.common.data.Range;

/**
 * The search with Hibernate Search and its Lucene backend. The query runs against every language's
 * fields (each analyses it in its own way: Polish stems for the Polish fields, and so on) and the
 * unstemmed, folded field; a match in a title counts three times as much as one in the text. The
 * reader's access is a filter of the query itself, so counts and pages are right.
 */
@ApplicationScoped
public class LuceneDocumentSearch implements DocumentSearch {

  private static final Logger LOG = Logger.getLogger(LuceneDocumentSearch.class.getName());
  private static final float TITLE_BOOST = 3f;

  @PersistenceContext private EntityManager em;

  @Override
  public DocumentHits search(DocumentQuery query, ReadableScope scope, int first, int max) {
    if (scope.nothing()) {
      return DocumentHits.NONE;
    }
    SearchSession session = Search.session(em);
    SearchResult<Long> result =
        session
            .search(Document.class)
            .select(f -> f.id(Long.class))
            .where((f, root) -> build(f, root, query, scope))
            .sort(
                f ->
                    query.text() == null
                        ? f.field(DocumentIndex.UPDATED).desc()
                        : f.score().then().field(DocumentIndex.UPDATED).desc())
            .fetch(first, max);
    return new DocumentHits(hits(result.hits(), query.text()), result.total().hitCount());
  }

  private static void build(
      SearchPredicateFactory f,
      SimpleBooleanPredicateClausesCollector<?> root,
      DocumentQuery query,
      ReadableScope scope) {
    if (query.text() == null) {
      root.add(f.matchAll());
    } else {
      // One clause per language: its stemmed fields and the folded one, all words required. A
      // document's words are only in its own language's fields, so it is searched as written in
      // that language; stop words ("o", "про") are dropped by that language's analyser alone,
      // which a single clause over every language's fields would not allow.
      List<Language> languages =
          query.language() == null ? List.of(Language.values()) : List.of(query.language());
      root.add(
          f.bool()
              .with(
                  any -> {
                    for (Language language : languages) {
                      any.should(
                          f.simpleQueryString()
                              .field(DocumentIndex.title(language))
                              .boost(TITLE_BOOST)
                              .field(DocumentIndex.body(language))
                              .field(DocumentIndex.FOLDED)
                              .matching(query.text())
                              .defaultOperator(BooleanOperator.AND));
                    }
                  }));
    }
    if (query.libraryId() != null) {
      root.add(f.match().field(DocumentIndex.LIBRARY).matching(query.libraryId()));
    }
    if (query.type() != null) {
      root.add(f.match().field(DocumentIndex.TYPE).matching(query.type().name()));
    }
    if (query.language() != null) {
      root.add(f.match().field(DocumentIndex.LANGUAGE).matching(query.language().name()));
    }
    if (query.authorId() != null) {
      root.add(f.match().field(DocumentIndex.AUTHORS).matching(query.authorId()));
    }
    if (query.from() != null || query.to() != null) {
      root.add(
          f.range().field(DocumentIndex.UPDATED).within(Range.canonical(query.from(), query.to())));
    }
    if (!scope.everything()) {
      root.add(readable(f, scope));
    }
  }

  /** In a library of the reader's spaces, or in an open one outside a closed folder, or asked. */
  private static PredicateFinalStep readable(SearchPredicateFactory f, ReadableScope scope) {
    return f.bool()
        .with(
            readable -> {
              if (!scope.memberLibraries().isEmpty()) {
                readable.should(
                    f.terms().field(DocumentIndex.LIBRARY).matchingAny(scope.memberLibraries()));
              }
              if (!scope.openLibraries().isEmpty()) {
                readable.should(
                    f.bool()
                        .with(
                            open -> {
                              open.must(
                                  f.terms()
                                      .field(DocumentIndex.LIBRARY)
                                      .matchingAny(scope.openLibraries()));
                              if (!scope.closedFolders().isEmpty()) {
                                open.mustNot(
                                    f.terms()
                                        .field(DocumentIndex.FOLDER)
                                        .matchingAny(scope.closedFolders()));
                              }
                            }));
              }
              if (!scope.approverDocuments().isEmpty()) {
                readable.should(f.id().matchingAny(scope.approverDocuments()));
              }
            });
  }

  /** The documents of the ids, in their order, with their snippets. */
  private List<DocumentHit> hits(List<Long> ids, String text) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Document> documents =
        em.createQuery("select d from Document d where d.id in :ids", Document.class)
            .setParameter("ids", ids)
            .getResultStream()
            .collect(Collectors.toMap(Document::getId, Function.identity()));
    List<Long> versionIds =
        documents.values().stream()
            .map(document -> document.getCurrentVersion().map(DocumentVersion::getId).orElse(null))
            .filter(Objects::nonNull)
            .toList();
    Map<Long, String> texts = new HashMap<>();
    if (!versionIds.isEmpty()) {
      em.createQuery(
              "select t.versionId, substring(t.text, 1, :length) from DocumentText t"
                  + " where t.versionId in :ids and t.text is not null",
              Object[].class)
          .setParameter("length", Snippets.SCANNED_CHARACTERS)
          .setParameter("ids", versionIds)
          .getResultStream()
          .forEach(row -> texts.put((Long) row[0], (String) row[1]));
    }
    Map<Language, Snippets> highlighters = new HashMap<>();
    return ids.stream()
        .map(documents::get)
        .filter(Objects::nonNull) // deleted since it was indexed
        .map(
            document -> {
              Snippets snippets =
                  highlighters.computeIfAbsent(
                      document.getLanguage(), language -> new Snippets(text, language));
              DocumentVersion current = document.getCurrentVersion().orElseThrow();
              String body =
                  Stream.of(document.getDescription(), texts.get(current.getId()))
                      .filter(Objects::nonNull)
                      .collect(Collectors.joining("\n"));
              return new DocumentHit(
                  document.getId(),
                  document.getTitle(),
                  snippets.title(document.getTitle()),
                  snippets.snippet(body),
                  document.getType(),
                  document.getLanguage(),
                  document.getLibrary().getId(),
                  document.getLibrary().getName(),
                  current.getFileName(),
                  current.getAuthorName(),
                  document.getUpdatedAt(),
                  current.getApprovalState());
            })
        .toList();
  }

  @Override
  public void reindex(Collection<Long> documentIds) {
    SearchSession session = Search.session(em);
    // Committed and searchable when this returns, so the node may then record its position; and a
    // failure is thrown, not only logged.
    session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.sync());
    // Another node wrote these rows: read them from the database, never from a cache.
    em.setProperty("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS);
    Map<Long, Document> found =
        em.createQuery("select d from Document d where d.id in :ids", Document.class)
            .setParameter("ids", documentIds)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultStream()
            .collect(Collectors.toMap(Document::getId, Function.identity()));
    SearchIndexingPlan plan = session.indexingPlan();
    for (Long id : documentIds) {
      Document document = found.get(id);
      if (document == null) {
        plan.purge(Document.class, id, null);
      } else {
        plan.addOrUpdate(document);
      }
    }
    plan.execute();
  }

  @Override
  public boolean isEmptyWhileDatabaseIsNot() {
    long indexed =
        Search.session(em).search(Document.class).where(f -> f.matchAll()).fetchTotalHitCount();
    return indexed == 0
        && em.createQuery("select count(d) from Document d", Long.class).getSingleResult() > 0;
  }

  @Override
  public CompletionStage<?> rebuild() {
    long stored = em.createQuery("select count(d) from Document d", Long.class).getSingleResult();
    Instant start = Instant.now();
    return Search.session(em)
        .massIndexer(Document.class)
        .start()
        .whenComplete(
            (done, failure) -> {
              Duration took = Duration.between(start, Instant.now());
              if (failure != null) {
                LOG.log(Level.SEVERE, "Rebuilding the document search index failed", failure);
              } else {
                LOG.info(
                    () ->
                        String.format(
                            "Document search index rebuilt: %d documents in %d ms (%.0f per second)",
                            stored,
                            took.toMillis(),
                            stored * 1000.0 / Math.max(1, took.toMillis())));
              }
            });
  }
}
