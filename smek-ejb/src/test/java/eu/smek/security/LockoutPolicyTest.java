package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

  private final LockoutPolicy policy = LockoutPolicy.DEFAULT;
  private final Instant now = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void theFirstFailuresAreFree() {
    for (int failures = 1; failures < 5; failures++) {
      assertThat(policy.lockAfter(failures)).as("failure %d", failures).isEmpty();
    }
  }

  @Test
  void eachFurtherFailureDoublesTheLock() {
    assertThat(policy.lockAfter(5)).contains(Duration.ofMinutes(1));
    assertThat(policy.lockAfter(6)).contains(Duration.ofMinutes(2));
    assertThat(policy.lockAfter(7)).contains(Duration.ofMinutes(4));
    assertThat(policy.lockAfter(10)).contains(Duration.ofMinutes(32));
  }

  @Test
  void theLockNeverExceedsTheMaximum() {
    assertThat(policy.lockAfter(11)).contains(Duration.ofHours(1));
    assertThat(policy.lockAfter(1_000)).contains(Duration.ofHours(1));
    assertThat(policy.lockAfter(Integer.MAX_VALUE)).contains(Duration.ofHours(1));
  }

  @Test
  void aQuietDayForgetsEarlierFailures() {
    assertThat(policy.failuresBefore(7, now.minus(Duration.ofHours(2)), now)).isEqualTo(7);
    assertThat(policy.failuresBefore(7, now.minus(Duration.ofHours(25)), now)).isZero();
    assertThat(policy.failuresBefore(0, null, now)).isZero();
  }

  @Test
  void aNameIsLockedOnlyUntilTheLockEnds() {
    assertThat(LockoutPolicy.isLocked(now.plusSeconds(1), now)).isTrue();
    assertThat(LockoutPolicy.isLocked(now, now)).isFalse();
    assertThat(LockoutPolicy.isLocked(null, now)).isFalse();
  }

  @Test
  void anInconsistentPolicyIsRefused() {
    assertThatThrownBy(
            () ->
                new LockoutPolicy(
                    0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new LockoutPolicy(5, Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
