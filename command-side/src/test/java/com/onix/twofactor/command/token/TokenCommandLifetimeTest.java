package com.onix.twofactor.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./onix token --ttl} never mints a token the services would refuse as too long-lived. */
class TokenCommandLifetimeTest {

  @TempDir Path dataDirectory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String ttl) {
    return TokenCommand.run(
        new String[] {"token", "--role", "PLATFORM_OPERATOR", "--ttl", ttl},
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aTtlOfTwentyFourHoursIsMinted() {
    assertThat(run(Map.of("ONIX_DATA_DIR", dataDirectory.toString()), "86400")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(".");
  }

  @Test
  void aTtlAboveTheMaximumLifetimeIsRefusedAndNothingIsPrinted() {
    int status = run(Map.of("ONIX_DATA_DIR", dataDirectory.toString()), "86401");

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("at most 86400 seconds");
  }

  @Test
  void theMaximumFollowsOnixJwtMaxLifetime() throws Exception {
    Files.createDirectories(dataDirectory);
    Map<String, String> env =
        Map.of("ONIX_DATA_DIR", dataDirectory.toString(), "ONIX_JWT_MAX_LIFETIME", "1h");

    assertThat(run(env, "3601")).isEqualTo(2);
    assertThat(run(env, "3600")).isZero();
  }
}
