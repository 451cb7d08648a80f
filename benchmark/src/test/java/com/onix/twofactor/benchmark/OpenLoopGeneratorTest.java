package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The open loop against operations whose time is known: what it must see, and not see. */
class OpenLoopGeneratorTest {

  private final OpenLoopGenerator generator = new OpenLoopGenerator(-1, -1);

  @Test
  void requestsAreSentAtTheGivenRateWhateverTheirAnswersTake() throws Exception {
    LoadResult result =
        generator.run(
            "slow answers",
            200,
            64,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            () -> answeringAfter(Duration.ofMillis(40)));

    assertThat(result.requests()).isBetween(180L, 220L);
    assertThat(result.errorCount()).isZero();
    assertThat(result.percentileMillis(50)).isGreaterThanOrEqualTo(40);
  }

  @Test
  void aServerThatFallsBehindShowsItsQueueInTheLatencies() throws Exception {
    // One worker, answers of 20 ms, 100 due a second: the queue grows by half a second each second.
    LoadResult result =
        generator.run(
            "behind",
            100,
            1,
            Duration.ZERO,
            Duration.ofSeconds(1),
            () -> answeringAfter(Duration.ofMillis(20)));

    assertThat(result.percentileMillis(99)).isGreaterThan(400);
  }

  @Test
  void aRequestThatCouldNotBeMadeCountsAsStarved() throws Exception {
    LoadResult result =
        generator.run(
            "starved",
            50,
            4,
            Duration.ZERO,
            Duration.ofMillis(500),
            () ->
                new Operation() {
                  @Override
                  public Prepared prepare() {
                    return null;
                  }

                  @Override
                  public int expectedStatus() {
                    return 200;
                  }
                });

    assertThat(result.errors()).containsOnlyKeys("starved");
  }

  private static Operation answeringAfter(Duration delay) {
    return new Operation() {
      @Override
      public Prepared prepare() {
        return () -> {
          Thread.sleep(delay.toMillis());
          return 200;
        };
      }

      @Override
      public int expectedStatus() {
        return 200;
      }
    };
  }
}
