package eu.smek.documents;

import eu.smek.documents.index.IndexJournal;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The index journal in the database ({@code search_journal}, written by {@link IndexJournal} with
 * every change to what the index holds) as {@link SearchIndexFollower} reads it, one transaction
 * per step; and its pruning.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SearchJournal {

  private static final Logger LOG = Logger.getLogger(SearchJournal.class.getName());

  /** How long rows are kept; a node away for longer rebuilds its index when it comes back. */
  static final Duration KEPT = Duration.ofDays(7);

  @PersistenceContext private EntityManager em;
  @Inject private DocumentSearch search;

  /** One journal row: the entity (by its JPA name) whose index entry changed. */
  public record Row(long id, String entity, long entityId) {}

  /**
   * Which database this is (when its schema was created), the journal's first and last ids (null
   * when empty), and the database's clock.
   */
  public record Bounds(String database, Long oldest, Long newest, Instant now) {}

  public Bounds bounds() {
    Object[] row =
        (Object[])
            em.createNativeQuery("select min(id), max(id), current_timestamp from search_journal")
                .getSingleResult();
    String database =
        (String)
            em.createNativeQuery(
                    "select cast(installed_on as varchar(64)) from flyway_schema_history"
                        + " where installed_rank = 1")
                .getSingleResult();
    return new Bounds(database, asLong(row[0]), asLong(row[1]), asInstant(row[2]));
  }

  /** The last row written before the given time, if any. */
  public Optional<Long> lastBefore(Instant time) {
    Object last =
        em.createNativeQuery("select max(id) from search_journal where recorded_at < ?1")
            .setParameter(1, OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
            .getSingleResult();
    return Optional.ofNullable(asLong(last));
  }

  /** At most {@code limit} rows after {@code after}, in order, and those of the given ids. */
  public List<Row> read(long after, Collection<Long> ids, int limit) {
    List<Row> rows = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Object[]> next =
        em.createNativeQuery(
                "select id, entity, entity_id from search_journal where id > ?1 order by id")
            .setParameter(1, after)
            .setMaxResults(limit)
            .getResultList();
    next.forEach(row -> rows.add(row(row)));
    if (!ids.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object[]> found =
          em.createNativeQuery("select id, entity, entity_id from search_journal where id in ?1")
              .setParameter(1, ids)
              .getResultList();
      found.forEach(row -> rows.add(row(row)));
    }
    return rows;
  }

  /** Indexes the documents again from the database, in one transaction. */
  public void apply(Collection<Long> documentIds) {
    search.reindex(documentIds);
  }

  /** Whether the index lost its files: it holds no document while the database has some. */
  public boolean indexLost() {
    return search.isEmptyWhileDatabaseIsNot();
  }

  /** Starts rebuilding this node's index from the database, in the background. */
  public CompletionStage<?> rebuild() {
    return search.rebuild();
  }

  /**
   * Deletes the rows older than {@link #KEPT}, except the newest, which tells a node that comes
   * back whether it missed any. Every node runs it; deleting twice does no harm.
   */
  @Schedule(hour = "4", minute = "11", persistent = false)
  public int prune() {
    Instant before = bounds().now().minus(KEPT);
    int deleted =
        em.createNativeQuery(
                "delete from search_journal where recorded_at < ?1"
                    + " and id < (select max(id) from search_journal)")
            .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
            .executeUpdate();
    LOG.log(Level.FINE, "Pruned {0} rows of the search index journal", deleted);
    return deleted;
  }

  private static Row row(Object[] row) {
    return new Row(asLong(row[0]), (String) row[1], asLong(row[2]));
  }

  private static Long asLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static Instant asInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    } else if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    } else if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("Not a time: " + value);
  }
}
