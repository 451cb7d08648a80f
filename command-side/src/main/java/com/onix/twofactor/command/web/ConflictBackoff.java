package com.onix.twofactor.command.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * How a command that lost a race to another writer of its aggregate is decided again: after a
 * random wait below a ceiling that doubles with each loss ("full jitter"), for as long as a time
 * budget lasts. Immediate retries from several nodes collide again in step; a busy machine makes
 * the race window long, so a fixed number of attempts ran out while the budget in time did not.
 */
public final class ConflictBackoff {

  /** Waits the given number of nanoseconds. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final long budgetNanos;
  private final long firstCeilingNanos;
  private final long longestWaitNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public ConflictBackoff(
      Duration budget,
      Duration firstCeiling,
      Duration longestWait,
      LongSupplier nanoTime,
      Sleeper sleeper,
      RandomGenerator random) {
    this.budgetNanos = budget.toNanos();
    this.firstCeilingNanos = Math.max(1, firstCeiling.toNanos());
    this.longestWaitNanos = longestWait.toNanos();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Up to 2 s of retries, waits starting below 5 ms and never above 250 ms. */
  public static ConflictBackoff standard(Duration budget) {
    return new ConflictBackoff(
        budget,
        Duration.ofMillis(5),
        Duration.ofMillis(250),
        System::nanoTime,
        nanos -> TimeUnit.NANOSECONDS.sleep(nanos),
        new SecureRandom());
  }

  /** One command's retries, from its first attempt on. */
  public Attempts start() {
    return new Attempts(nanoTime.getAsLong());
  }

  public final class Attempts {
    private final long startedAt;
    private int losses;

    private Attempts(long startedAt) {
      this.startedAt = startedAt;
    }

    /**
     * After a lost race: waits, and says whether to try again; false once the wait would end past
     * the budget.
     */
    public boolean waitToRetry() throws InterruptedException {
      long ceiling = Math.min(longestWaitNanos, firstCeilingNanos << Math.min(losses, 20));
      losses++;
      long wait = random.nextLong(ceiling + 1);
      long spent = nanoTime.getAsLong() - startedAt;
      if (spent + wait > budgetNanos) {
        return false;
      }
      sleeper.sleep(wait);
      return true;
    }

    public int losses() {
      return losses;
    }
  }
}
