package eu.smek.telesession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuorumTest {

  private static final Quorum DEFAULT = Quorum.moreThanHalf();

  @Test
  void theDefaultIsMoreThanHalf() {
    assertThat(DEFAULT).isEqualTo(new Quorum(1, 2, true));
    assertThat(DEFAULT.toString()).isEqualTo("more than 1/2");
    // 13 members: 7 is more than half, 6 is not.
    assertThat(DEFAULT.reached(7, 13)).isTrue();
    assertThat(DEFAULT.reached(6, 13)).isFalse();
  }

  @Test
  void exactlyHalfIsNotMoreThanHalfButIsAtLeastHalf() {
    assertThat(DEFAULT.reached(6, 12)).isFalse();
    assertThat(DEFAULT.reached(7, 12)).isTrue();
    Quorum atLeastHalf = new Quorum(1, 2, false);
    assertThat(atLeastHalf.reached(6, 12)).isTrue();
    assertThat(atLeastHalf.reached(5, 12)).isFalse();
  }

  @Test
  void nobodyPresentIsNoQuorumUnlessTheRuleAsksForNone() {
    assertThat(DEFAULT.reached(0, 13)).isFalse();
    assertThat(new Quorum(1, 3, false).reached(0, 13)).isFalse();
    Quorum none = new Quorum(0, 1, false);
    assertThat(none.reached(0, 13)).isTrue();
    assertThat(none.reached(0, 0)).isTrue();
    // "More than none": one organisation present is enough.
    Quorum anyone = new Quorum(0, 1, true);
    assertThat(anyone.reached(0, 13)).isFalse();
    assertThat(anyone.reached(1, 13)).isTrue();
  }

  @Test
  void anEmptyRegisterHasNoQuorumOfMoreThanAShare() {
    assertThat(DEFAULT.reached(0, 0)).isFalse();
  }

  @Test
  void everyoneIsAQuorumOfAnyRuleAndTwoThirdsIsComparedExactly() {
    for (int members = 1; members <= 40; members++) {
      assertThat(DEFAULT.reached(members, members)).isTrue();
      assertThat(new Quorum(1, 1, false).reached(members, members)).isTrue();
    }
    Quorum twoThirds = new Quorum(2, 3, false);
    assertThat(twoThirds.reached(8, 12)).isTrue();
    assertThat(twoThirds.reached(7, 12)).isFalse();
    assertThat(twoThirds.reached(9, 13)).isTrue();
    assertThat(twoThirds.reached(8, 13)).isFalse();
    assertThat(new Quorum(2, 3, true).reached(8, 12)).isFalse();
  }

  @Test
  void largeRegistersDoNotOverflow() {
    long members = Integer.MAX_VALUE;
    assertThat(DEFAULT.reached(members / 2 + 1, members)).isTrue();
    assertThat(DEFAULT.reached(members / 2, members)).isFalse();
  }

  @Test
  void invalidRulesAndCountsAreRefused() {
    assertThatThrownBy(() -> new Quorum(1, 0, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Quorum(3, 2, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Quorum(-1, 2, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Quorum(1, 101, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULT.reached(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULT.reached(1, -3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Quorum.valid(100, 100)).isTrue();
  }
}
