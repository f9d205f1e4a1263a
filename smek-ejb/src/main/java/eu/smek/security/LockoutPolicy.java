package eu.smek.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When repeated failed sign-ins lock a login name, and for how long. The first few failures are
 * free (typos happen); from then on every further failure locks the name for twice as long as the
 * one before, up to a ceiling. A quiet day forgives old failures.
 */
public record LockoutPolicy(
    int freeFailures, Duration firstLock, Duration maximumLock, Duration forgetAfter) {

  /** Five free tries, then 1, 2, 4, ... minutes, never more than an hour; forgotten after 24 h. */
  public static final LockoutPolicy DEFAULT =
      new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24));

  public LockoutPolicy {
    if (freeFailures < 1 || firstLock.isNegative() || maximumLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("inconsistent lockout policy");
    }
  }

  /**
   * The number of failures to count for a new failure, given the earlier ones: a long quiet period
   * starts the count again.
   */
  public int failuresBefore(int earlierFailures, Instant lastFailureAt, Instant now) {
    if (lastFailureAt == null || lastFailureAt.plus(forgetAfter).isBefore(now)) {
      return 0;
    }
    return earlierFailures;
  }

  /**
   * How long the name stays locked after its {@code failures}-th consecutive failure (counting this
   * one); empty while the failures are still free.
   */
  public Optional<Duration> lockAfter(int failures) {
    int beyondFree = failures - freeFailures;
    if (beyondFree < 0) {
      return Optional.empty();
    }
    // 2^beyondFree, without overflowing long before the ceiling applies.
    Duration lock = firstLock;
    for (int i = 0; i < beyondFree && lock.compareTo(maximumLock) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return Optional.of(lock.compareTo(maximumLock) > 0 ? maximumLock : lock);
  }

  /** Whether a name locked until {@code lockedUntil} is still locked at {@code now}. */
  public static boolean isLocked(Instant lockedUntil, Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
