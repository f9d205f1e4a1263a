package eu.smek.documents;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far a node has applied the index journal of a database: every row up to {@code high}, except
 * the gaps. The database is named by when its schema was created, so that a position is never taken
 * for one in another database's journal.
 *
 * <p>Journal ids are taken in order but transactions commit in any order: a row may become visible
 * after a row with a higher id was read. So the ids skipped when reading past them are kept as
 * gaps, with when they were first missed, and read again at every poll until they appear or are
 * given up. A gap that stays empty is a transaction that rolled back (or an id the database
 * skipped); one still running commits within the transaction timeout, so a gap is given up after a
 * patience longer than that.
 */
public record JournalCursor(String database, long high, SortedMap<Long, Instant> gaps) {

  /**
   * The most gaps kept, the highest ones. Transactions still running when a later one was read are
   * at most as many as the database's connections; a larger jump of the ids is the database
   * skipping values, not rows to wait for.
   */
  static final int MAXIMUM_GAPS = 1000;

  private static final String DATABASE = "database";
  private static final String HIGH = "high";
  private static final String GAP = "gap.";

  public JournalCursor {
    Objects.requireNonNull(database);
    gaps = Collections.unmodifiableSortedMap(new TreeMap<>(gaps));
  }

  /** Everything up to {@code high} applied, nothing missed. */
  public static JournalCursor at(String database, long high) {
    return new JournalCursor(database, high, new TreeMap<>());
  }

  /**
   * The cursor once the rows {@code read} are applied: those above {@code high} (read in order, as
   * many as the query returned) and any gaps that appeared. Ids skipped on the way become gaps;
   * gaps older than {@code patience} are given up.
   */
  public JournalCursor after(Collection<Long> read, Instant now, Duration patience) {
    TreeMap<Long, Instant> open = new TreeMap<>(gaps);
    long top = high;
    for (long id : new TreeSet<>(read)) {
      if (id > top) {
        for (long skipped = Math.max(top + 1, id - MAXIMUM_GAPS); skipped < id; skipped++) {
          open.put(skipped, now);
        }
        top = id;
      } else {
        open.remove(id);
      }
    }
    Instant giveUp = now.minus(patience);
    open.values().removeIf(missedSince -> !missedSince.isAfter(giveUp));
    while (open.size() > MAXIMUM_GAPS) {
      open.pollFirstEntry();
    }
    return new JournalCursor(database, top, open);
  }

  /**
   * Whether the journal of {@code database}, holding the ids from {@code oldest} to {@code newest}
   * (null when empty), is the one this cursor read and still has every row it has not applied.
   * Otherwise the node rebuilds its index: the database is another one or was restored from an
   * older backup, or rows the node missed were pruned (it was away longer than the journal keeps
   * them). Pruning always keeps the newest row, so an empty journal is a new one.
   */
  public boolean fits(String database, Long oldest, Long newest) {
    if (!this.database.equals(database)) {
      return false;
    }
    if (newest == null) {
      return high == 0;
    }
    return high <= newest && oldest <= high + 1;
  }

  /** As kept in the node's position file. */
  public String format() {
    Properties properties = new Properties();
    properties.setProperty(DATABASE, database);
    properties.setProperty(HIGH, Long.toString(high));
    gaps.forEach((id, since) -> properties.setProperty(GAP + id, since.toString()));
    StringWriter out = new StringWriter();
    try {
      properties.store(out, "Index journal position of this node (see SearchIndexFollower)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The cursor {@link #format()} wrote, or empty if the text is not one. */
  public static Optional<JournalCursor> parse(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
      String database = properties.getProperty(DATABASE);
      long high = Long.parseLong(properties.getProperty(HIGH, ""));
      if (database == null) {
        return Optional.empty();
      }
      SortedMap<Long, Instant> gaps = new TreeMap<>();
      for (Map.Entry<Object, Object> entry : properties.entrySet()) {
        String key = (String) entry.getKey();
        if (key.startsWith(GAP)) {
          gaps.put(
              Long.parseLong(key.substring(GAP.length())),
              Instant.parse((String) entry.getValue()));
        }
      }
      return Optional.of(new JournalCursor(database, high, gaps));
    } catch (IOException | IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }
}
