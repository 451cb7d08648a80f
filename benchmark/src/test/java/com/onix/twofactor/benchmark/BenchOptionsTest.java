package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static final String[] REQUIRED = {
    "--command-url",
    "http://127.0.0.1:1",
    "--query-url",
    "http://127.0.0.1:2",
    "--command-jar",
    "c.jar"
  };

  private static BenchOptions parse(String... more) {
    String[] args = new String[REQUIRED.length + more.length];
    System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
    System.arraycopy(more, 0, args, REQUIRED.length, more.length);
    return BenchOptions.parse(args);
  }

  @Test
  void smokeShrinksEverySizeButWhatIsGivenExplicitly() {
    BenchOptions options = parse("--smoke", "--users", "100");

    assertThat(options.smoke()).isTrue();
    assertThat(options.users()).isEqualTo(100);
    assertThat(options.duration()).isLessThan(Duration.ofSeconds(2));
    assertThat(options.growthEvents()).isLessThan(10_000);
  }

  @Test
  void aLaterResultsDirectoryWins() {
    assertThat(parse("--results", "a", "--results", "b").resultsDirectory()).hasToString("b");
  }

  @Test
  void durationsTakeUnits() {
    assertThat(BenchOptions.duration("--d", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(BenchOptions.duration("--d", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(BenchOptions.duration("--d", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> BenchOptions.duration("--d", "soon"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOpenLoopRatesAreAListAndDefaultToTheTargetsSteps() {
    assertThat(parse().openRates()).containsExactly(250, 500, 1000);
    assertThat(parse("--open-rates", "100, 2000").openRates()).containsExactly(100, 2000);
    assertThatThrownBy(() -> parse("--open-rates", "100,0"))
        .hasMessageContaining("must be positive");
  }

  @Test
  void unknownSeedersAreRefused() {
    assertThatThrownBy(() -> parse("--growth-seeder", "magic"))
        .hasMessageContaining("auto, http or bulk");
  }
}
