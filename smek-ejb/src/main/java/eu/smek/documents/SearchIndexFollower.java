package eu.smek.documents;

import eu.smek.documents.index.IndexJournal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's full-text index up to date with the database, on every node of a cluster. Every
 * change to what the index holds writes a row into the index journal in the same transaction
 * ({@link IndexJournal}); every second, each node reads the rows after the last one it applied and
 * indexes those documents again from the database ({@link SearchJournal}). The node's position is a
 * file beside its index, written after the index has committed: after a crash the node reads a few
 * rows again, which does no harm. This is the only writer of the index: Hibernate Search's own
 * indexing of changes is switched off ({@code persistence.xml}), so the index follows the database
 * in order.
 *
 * <p>At start-up the node rebuilds its index from the database instead, in the background, when it
 * has no position (a new node, or its index directory was deleted), when the journal no longer
 * holds every row after it (the node was away longer than the journal keeps rows) or is not the
 * journal it read (another database, or one restored from an older backup), or when the index is
 * empty while the database is not; and so it does when the journal stops fitting its position while
 * it runs (the database was restored under it). It then reads the journal from a little before the
 * rebuild started, so that no change committed meanwhile is missed.
 *
 * <p>Also starts reading the text of versions whose extraction never ran.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // only its own timer calls it, one at a time
public class SearchIndexFollower {

  private static final Logger LOG = Logger.getLogger(SearchIndexFollower.class.getName());

  /** How often the journal is read: the most a change waits before a node indexes it. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  /**
   * How long a gap in the journal is read again (see {@link JournalCursor}): longer than any
   * transaction may last (WildFly's default transaction timeout is 5 minutes).
   */
  static final Duration PATIENCE = Duration.ofMinutes(10);

  /** Rows read at a time, and documents indexed in one transaction (their texts are in memory). */
  static final int ROWS = 500;

  static final int DOCUMENTS = 20;

  /** How long a node waits before trying again a rebuild that failed. */
  static final Duration RETRY = Duration.ofMinutes(1);

  static final String POSITION_FILE = "journal-position";

  @Resource private TimerService timers;
  @EJB private SearchJournal journal;
  @EJB private DocumentTexts texts;

  /** Null until the node knows where to start: at the first tick, or again after a failure. */
  private JournalCursor cursor;

  private CompletableFuture<?> rebuild;
  private Instant notBefore = Instant.MIN;

  @PostConstruct
  void start() {
    next(Duration.ZERO);
    List<Long> missing = texts.withoutText();
    if (!missing.isEmpty()) {
      LOG.info(() -> "Reading the text of " + missing.size() + " document versions");
      texts.extractSoon(missing);
    }
  }

  /** One step, then the next timer: never two at once, however long one takes. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    try {
      step();
    } catch (RuntimeException e) {
      // The database or the index may be away for a moment; the position is unchanged, so the
      // next step does the same again.
      LOG.log(Level.WARNING, "Could not bring the search index up to date; trying again", e);
    } finally {
      next(INTERVAL);
    }
  }

  private void next(Duration in) {
    try {
      timers.createSingleActionTimer(in.toMillis(), new TimerConfig(null, false));
    } catch (IllegalStateException e) {
      LOG.fine("Not following the search journal any more: the application is stopping");
    }
  }

  private void step() {
    if (Instant.now().isBefore(notBefore)) {
      return;
    }
    if (cursor == null) {
      begin();
      return;
    }
    if (rebuild != null) {
      if (!rebuild.isDone()) {
        return;
      }
      if (rebuild.isCompletedExceptionally()) {
        // Logged by the search. The position file is gone, so the node (or its next start)
        // rebuilds again.
        cursor = null;
        rebuild = null;
        notBefore = Instant.now().plus(RETRY);
        return;
      }
      rebuild = null;
      store(cursor);
    }
    follow();
  }

  private void begin() {
    Optional<JournalCursor> stored = load();
    SearchJournal.Bounds bounds = journal.bounds();
    String reason;
    if (stored.isEmpty()) {
      reason = "it has no journal position";
    } else if (!stored.get().fits(bounds.database(), bounds.oldest(), bounds.newest())) {
      reason =
          String.format(
              "its journal position %d of the database created %s is not in the journal of the"
                  + " database created %s (rows %s to %s)",
              stored.get().high(),
              stored.get().database(),
              bounds.database(),
              bounds.oldest(),
              bounds.newest());
    } else if (journal.indexLost()) {
      reason = "the index is empty";
    } else {
      cursor = stored.get();
      LOG.info(() -> "Following the search journal from row " + cursor.high());
      return;
    }
    LOG.info("Rebuilding the document search index from the database: " + reason);
    // From the last row older than any transaction still running, or from the first row.
    long from =
        journal
            .lastBefore(bounds.now().minus(PATIENCE))
            .orElse(bounds.oldest() == null ? 0 : bounds.oldest() - 1);
    delete();
    rebuild = journal.rebuild().toCompletableFuture();
    cursor = JournalCursor.at(bounds.database(), from);
  }

  private void follow() {
    SearchJournal.Bounds bounds = journal.bounds();
    if (!cursor.fits(bounds.database(), bounds.oldest(), bounds.newest())) {
      // The database was replaced or restored under the running node: start again.
      LOG.warning("The search journal is not the one this node was following");
      cursor = null;
      return;
    }
    List<SearchJournal.Row> rows = journal.read(cursor.high(), cursor.gaps().keySet(), ROWS);
    List<Long> documents =
        rows.stream()
            .filter(row -> IndexJournal.DOCUMENT.equals(row.entity()))
            .map(SearchJournal.Row::entityId)
            .distinct()
            .toList();
    for (int i = 0; i < documents.size(); i += DOCUMENTS) {
      journal.apply(documents.subList(i, Math.min(documents.size(), i + DOCUMENTS)));
    }
    JournalCursor after =
        cursor.after(rows.stream().map(SearchJournal.Row::id).toList(), Instant.now(), PATIENCE);
    if (!after.equals(cursor)) {
      store(after);
      cursor = after;
    }
  }

  static Path position() {
    return Path.of(System.getProperty("smek.search.index-dir")).resolve(POSITION_FILE);
  }

  private static Optional<JournalCursor> load() {
    try {
      return JournalCursor.parse(Files.readString(position()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not read " + position(), e);
      return Optional.empty();
    }
  }

  /** Replaces the file in one step, so that a crash leaves the old position or the new one. */
  private static void store(JournalCursor cursor) {
    Path file = position();
    try {
      Files.createDirectories(file.getParent());
      Path written =
          Files.writeString(file.resolveSibling(POSITION_FILE + ".new"), cursor.format());
      Files.move(
          written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Until a rebuild has finished, a restart must rebuild again. */
  private static void delete() {
    try {
      Files.deleteIfExists(position());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
