package com.onix.twofactor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ConflictBackoffTest {

  /** A clock that only the waits move. */
  private long now;

  private final List<Long> waits = new ArrayList<>();

  private ConflictBackoff backoff(Duration budget, RandomGenerator random) {
    return new ConflictBackoff(
        budget,
        Duration.ofMillis(5),
        Duration.ofMillis(250),
        () -> now,
        nanos -> {
          waits.add(nanos);
          now += nanos;
        },
        random);
  }

  /** Always the longest wait allowed. */
  private static final RandomGenerator LONGEST =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
          return bound - 1;
        }
      };

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  @Test
  void theCeilingDoublesWithEachLossUpToTheLongestWait() throws Exception {
    ConflictBackoff.Attempts attempts = backoff(Duration.ofSeconds(10), LONGEST).start();

    for (int i = 0; i < 8; i++) {
      assertThat(attempts.waitToRetry()).isTrue();
    }

    assertThat(waits.stream().map(ConflictBackoffTest::millis))
        .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 250L, 250L);
  }

  @Test
  void retriesStopBeforeTheBudgetIsOverspent() throws Exception {
    ConflictBackoff.Attempts attempts = backoff(Duration.ofSeconds(2), LONGEST).start();

    int retries = 0;
    while (attempts.waitToRetry()) {
      retries++;
    }

    assertThat(now).isLessThanOrEqualTo(Duration.ofSeconds(2).toNanos());
    assertThat(now).isGreaterThan(Duration.ofMillis(1750).toNanos());
    assertThat(retries).isEqualTo(12); // 5+10+...+160 = 315 ms, then 250 ms waits
  }

  @Test
  void eachWaitIsRandomBelowItsCeiling() throws Exception {
    ConflictBackoff.Attempts attempts =
        backoff(Duration.ofSeconds(60), new SplittableRandom(7)).start();

    for (int i = 0; i < 200; i++) {
      attempts.waitToRetry();
    }

    for (int i = 0; i < waits.size(); i++) {
      long ceiling = Math.min(250_000_000L, 5_000_000L << Math.min(i, 20));
      assertThat(waits.get(i)).isBetween(0L, ceiling);
    }
    assertThat(waits.stream().distinct().count()).as("jittered").isGreaterThan(150);
  }

  @Test
  void timeSpentOnTheAttemptsThemselvesCountsAgainstTheBudget() throws Exception {
    ConflictBackoff.Attempts attempts = backoff(Duration.ofSeconds(2), LONGEST).start();

    now += Duration.ofMillis(1_998).toNanos(); // the first attempt took almost all of it

    assertThat(attempts.waitToRetry()).isFalse();
    assertThat(waits).isEmpty();
  }
}
