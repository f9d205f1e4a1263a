package eu.smek.telesession;

/**
 * Whether a motion is adopted: the quorum is reached and more organisations voted yes than no (a
 * simple majority of the votes cast for or against). Abstentions count for the quorum, through the
 * organisations present, but neither for nor against: a tie, and a vote where everybody abstains,
 * are not adopted.
 */
public final class Majority {

  private Majority() {}

  public static boolean adopted(boolean quorumReached, long yes, long no) {
    if (yes < 0 || no < 0) {
      throw new IllegalArgumentException(yes + " yes, " + no + " no");
    }
    return quorumReached && yes > no;
  }
}
