package eu.smek.telesession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MajorityTest {

  @Test
  void moreYesThanNoWithAQuorumIsAdopted() {
    assertThat(Majority.adopted(true, 2, 1)).isTrue();
    assertThat(Majority.adopted(true, 1, 0)).isTrue();
  }

  @Test
  void aTieIsNotAdopted() {
    assertThat(Majority.adopted(true, 3, 3)).isFalse();
    assertThat(Majority.adopted(true, 0, 0)).isFalse();
  }

  @Test
  void whenEveryoneAbstainsNothingIsAdopted() {
    Motion motion = new Motion(1, 2, "Uchwała", VoteKind.ROLL_CALL, Instant.now());
    for (int i = 0; i < 5; i++) {
      motion.count(Choice.ABSTAIN);
    }
    assertThat(Majority.adopted(true, motion.getYes(), motion.getNo())).isFalse();
  }

  @Test
  void abstentionsDoNotCountAgainst() {
    // 2 yes, 1 no, 10 abstain: adopted, abstentions being neither for nor against.
    assertThat(Majority.adopted(true, 2, 1)).isTrue();
  }

  @Test
  void withoutAQuorumNothingIsAdoptedHoweverClear() {
    assertThat(Majority.adopted(false, 10, 0)).isFalse();
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> Majority.adopted(true, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Majority.adopted(true, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMotionCountsEachChoiceAndNumbersItsResolution() {
    Motion motion = new Motion(1, 2, "Uchwała", VoteKind.SECRET, Instant.now());
    motion.count(Choice.YES);
    motion.count(Choice.YES);
    motion.count(Choice.NO);
    motion.count(Choice.ABSTAIN);
    assertThat(motion.getYes()).isEqualTo(2);
    assertThat(motion.getNo()).isEqualTo(1);
    assertThat(motion.getAbstain()).isEqualTo(1);
    assertThat(motion.getResolution()).isNull();
    motion.numberResolution(2027, 3);
    assertThat(motion.getResolution()).isEqualTo("3/2027");
  }

  @Test
  void aSecretBallotKeepsNeitherChoiceNorTime() {
    Ballot secret = Ballot.secret(1, 2, 3);
    assertThat(secret.getChoice()).isNull();
    assertThat(secret.getCastAt()).isNull();
    Ballot named = Ballot.rollCall(1, 2, 3, Choice.NO, Instant.now());
    assertThat(named.getChoice()).isEqualTo(Choice.NO);
    assertThat(named.getCastAt()).isNotNull();
  }
}
