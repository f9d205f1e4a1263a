package eu.smek.telesession;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serial;
import java.io.Serializable;

/**
 * A quorum rule: the share of the register’s member towns that must be present for a vote to count,
 * as a fraction, either "more than" it (strict) or "at least" it. The default is more than half;
 * "at least 0/1" asks for no quorum. Compared in integers, so that exactly half is exactly half.
 */
@Embeddable
public class Quorum implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The largest denominator a rule may have: more would be a fraction nobody can read. */
  public static final int MAXIMUM_DENOMINATOR = 100;

  @Column(name = "quorum_numerator", nullable = false)
  private int numerator;

  @Column(name = "quorum_denominator", nullable = false)
  private int denominator;

  @Column(name = "quorum_strict", nullable = false)
  private boolean strict;

  protected Quorum() {}

  /**
   * @throws IllegalArgumentException unless 0 <= numerator <= denominator <= 100, denominator > 0
   */
  public Quorum(int numerator, int denominator, boolean strict) {
    if (!valid(numerator, denominator)) {
      throw new IllegalArgumentException(numerator + "/" + denominator);
    }
    this.numerator = numerator;
    this.denominator = denominator;
    this.strict = strict;
  }

  /** More than half of the member towns: the network’s default. */
  public static Quorum moreThanHalf() {
    return new Quorum(1, 2, true);
  }

  public static boolean valid(int numerator, int denominator) {
    return denominator > 0
        && denominator <= MAXIMUM_DENOMINATOR
        && numerator >= 0
        && numerator <= denominator;
  }

  /**
   * Whether {@code present} of {@code members} organisations make a quorum. No members at all is
   * never a quorum unless the rule asks for none (nobody can be "more than half" of nobody), and
   * nobody present is never a quorum under a rule that asks for any share.
   */
  public boolean reached(long present, long members) {
    if (present < 0 || members < 0) {
      throw new IllegalArgumentException(present + " of " + members);
    }
    long have = present * denominator;
    long need = members * numerator;
    return strict ? have > need : have >= need;
  }

  public int getNumerator() {
    return numerator;
  }

  public int getDenominator() {
    return denominator;
  }

  public boolean isStrict() {
    return strict;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Quorum q
        && q.numerator == numerator
        && q.denominator == denominator
        && q.strict == strict;
  }

  @Override
  public int hashCode() {
    return (numerator * 31 + denominator) * 2 + (strict ? 1 : 0);
  }

  @Override
  public String toString() {
    return (strict ? "more than " : "at least ") + numerator + "/" + denominator;
  }
}
