package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class JournalCursorTest {

  private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
  private static final Duration PATIENCE = Duration.ofMinutes(10);
  private static final String DB = "2026-11-01 10:00:00.123";

  @Test
  void rowsReadInOrderMoveTheCursorWithoutGaps() {
    JournalCursor cursor = JournalCursor.at(DB, 10).after(List.of(11L, 12L, 13L), T0, PATIENCE);

    assertThat(cursor).isEqualTo(JournalCursor.at(DB, 13));
  }

  @Test
  void nothingReadChangesNothing() {
    assertThat(JournalCursor.at(DB, 10).after(List.of(), T0, PATIENCE))
        .isEqualTo(JournalCursor.at(DB, 10));
  }

  @Test
  void idsSkippedBecauseTheirTransactionHadNotCommittedAreKeptAsGaps() {
    // 12 and 14 were taken by transactions that commit after 13 and 15 did.
    JournalCursor cursor = JournalCursor.at(DB, 10).after(List.of(11L, 13L, 15L), T0, PATIENCE);

    assertThat(cursor.high()).isEqualTo(15);
    assertThat(cursor.gaps()).isEqualTo(Map.of(12L, T0, 14L, T0));
  }

  @Test
  void aGapThatAppearsLaterIsClosedAndTheOthersStay() {
    JournalCursor cursor = JournalCursor.at(DB, 10).after(List.of(11L, 13L, 15L), T0, PATIENCE);

    JournalCursor later = cursor.after(List.of(14L, 16L), T0.plusSeconds(1), PATIENCE);

    assertThat(later.high()).isEqualTo(16);
    assertThat(later.gaps()).isEqualTo(Map.of(12L, T0));
  }

  @Test
  void aGapKeepsTheTimeItWasFirstMissedAndIsGivenUpAfterThePatience() {
    JournalCursor cursor = JournalCursor.at(DB, 10).after(List.of(12L), T0, PATIENCE);
    cursor = cursor.after(List.of(14L), T0.plus(Duration.ofMinutes(5)), PATIENCE);
    assertThat(cursor.gaps()).isEqualTo(Map.of(11L, T0, 13L, T0.plus(Duration.ofMinutes(5))));

    // A rolled-back transaction never fills its id: after the patience it is no longer read.
    cursor = cursor.after(List.of(), T0.plus(PATIENCE), PATIENCE);

    assertThat(cursor.gaps()).isEqualTo(Map.of(13L, T0.plus(Duration.ofMinutes(5))));
    assertThat(cursor.after(List.of(), T0.plus(Duration.ofMinutes(16)), PATIENCE).gaps()).isEmpty();
  }

  @Test
  void aRowReadAgainDoesNotMoveTheCursorBack() {
    JournalCursor cursor = JournalCursor.at(DB, 20).after(List.of(5L, 20L), T0, PATIENCE);

    assertThat(cursor).isEqualTo(JournalCursor.at(DB, 20));
  }

  @Test
  void aLargeJumpOfTheIdsKeepsOnlyTheHighestGaps() {
    JournalCursor cursor = JournalCursor.at(DB, 0).after(List.of(1_000_000L), T0, PATIENCE);

    assertThat(cursor.high()).isEqualTo(1_000_000L);
    assertThat(cursor.gaps()).hasSize(JournalCursor.MAXIMUM_GAPS);
    assertThat(cursor.gaps().firstKey()).isEqualTo(1_000_000L - JournalCursor.MAXIMUM_GAPS);
    assertThat(cursor.gaps().lastKey()).isEqualTo(999_999L);
  }

  @Test
  void theNumberOfGapsIsBoundedAndTheOldestIdsGoFirst() {
    List<Long> everySecondId =
        LongStream.rangeClosed(1, 1200).map(i -> i * 2).boxed().toList(); // 2, 4, ... 2400
    JournalCursor cursor = JournalCursor.at(DB, 0).after(everySecondId, T0, PATIENCE);

    assertThat(cursor.gaps()).hasSize(JournalCursor.MAXIMUM_GAPS);
    assertThat(cursor.gaps().lastKey()).isEqualTo(2399L);
    assertThat(cursor.gaps().firstKey()).isEqualTo(401L);
  }

  @Test
  void theFileFormatKeepsHighAndGaps() {
    JournalCursor cursor =
        new JournalCursor(DB, 42, new TreeMap<>(Map.of(40L, T0, 41L, T0.plusMillis(1500))));

    assertThat(JournalCursor.parse(cursor.format())).contains(cursor);
    assertThat(JournalCursor.parse(JournalCursor.at(DB, 0).format()))
        .contains(JournalCursor.at(DB, 0));
  }

  @Test
  void aDamagedFileIsNoPosition() {
    assertThat(JournalCursor.parse("")).isEmpty();
    assertThat(JournalCursor.parse("database=a\nhigh=")).isEmpty();
    assertThat(JournalCursor.parse("high=12")).isEmpty();
    assertThat(JournalCursor.parse("database=a\nhigh=12\ngap.7=yesterday")).isEmpty();
    assertThat(JournalCursor.parse("database=a\nhigh=12\ngap.x=2026-11-28T08:00:00Z")).isEmpty();
  }

  @Test
  void aPositionFitsAJournalThatStillHoldsEveryLaterRow() {
    assertThat(JournalCursor.at(DB, 100).fits(DB, 1L, 150L)).isTrue();
    assertThat(JournalCursor.at(DB, 100).fits(DB, 101L, 150L)).isTrue(); // rows up to 100 pruned
    assertThat(JournalCursor.at(DB, 150).fits(DB, 90L, 150L)).isTrue(); // nothing new
    assertThat(JournalCursor.at(DB, 0).fits(DB, null, null)).isTrue(); // a new installation
  }

  @Test
  void aPositionThatMissedPrunedRowsOrComesFromAnotherDatabaseDoesNotFit() {
    // Away for longer than the journal keeps rows: 101 to 119 may have been pruned.
    assertThat(JournalCursor.at(DB, 100).fits(DB, 120L, 150L)).isFalse();
    // Ahead of the journal: the database was restored from an older backup, or is another one.
    assertThat(JournalCursor.at(DB, 200).fits(DB, 1L, 150L)).isFalse();
    assertThat(JournalCursor.at(DB, 200).fits(DB, null, null)).isFalse();
    // Another database whose journal happens to cover the position.
    assertThat(JournalCursor.at(DB, 100).fits("2026-11-20 09:00:00.5", 1L, 150L)).isFalse();
  }
}
