package com.onix.twofactor.command.twofactor;

import java.time.Duration;

/**
 * Verification lockout: the fifth consecutive failure locks for 5 minutes, each further lock lasts
 * twice as long as the one before, up to an hour.
 */
public final class Lockout {

  public static final int FAILURES_BEFORE_LOCK = 5;
  static final Duration FIRST_LOCK = Duration.ofMinutes(5);
  static final Duration LONGEST_LOCK = Duration.ofHours(1);

  private Lockout() {}

  /** How long the {@code lockNumber}-th lock (1, 2, ...) since the last clearing lasts. */
  public static Duration durationOf(int lockNumber) {
    Duration lock = FIRST_LOCK;
    for (int n = 1; n < lockNumber && lock.compareTo(LONGEST_LOCK) < 0; n++) {
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }

  /** Failures still allowed before the lock, after {@code consecutiveFailures} of them. */
  public static int remainingAttempts(int consecutiveFailures) {
    return Math.max(0, FAILURES_BEFORE_LOCK - consecutiveFailures);
  }
}
