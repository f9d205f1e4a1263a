package eu.smek.telesession;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the draft of the minutes is written from: the session, who attended, and the agenda with the
 * motions put to the vote under each item. Names are resolved, so the writer needs no database.
 */
public record MinutesFacts(
    String title,
    String organiser,
    Instant start,
    Instant end,
    ZoneId zone,
    String chair,
    String secretary,
    List<Present> attendance,
    List<Item> agenda) {

  /** One attendance: who, for which organisation, from when to when (null: until the end). */
  public record Present(String person, String organisation, Instant joined, Instant left) {}

  /** An agenda item at its number (1 first) with its motions. */
  public record Item(int number, String title, String presenter, List<Vote> motions) {}

  /**
   * A motion with its result; the tallies are null while a secret vote is still open (a closed
   * session has none open).
   */
  public record Vote(
      String text,
      VoteKind kind,
      Integer yes,
      Integer no,
      Integer abstain,
      Integer present,
      Integer members,
      Boolean quorumReached,
      Boolean adopted,
      String resolution) {}
}
