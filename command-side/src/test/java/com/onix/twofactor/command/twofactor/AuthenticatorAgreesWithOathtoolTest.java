package com.onix.twofactor.command.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.Authenticator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tests' authenticator agrees with OATH Toolkit's, a real and independent client ({@code ./onix
 * test} installs it).
 */
class AuthenticatorAgreesWithOathtoolTest {

  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  void bothComputeTheSameCodeAtTheSameInstant() throws Exception {
    assertThat(Path.of("/usr/bin/oathtool"))
        .as("OATH Toolkit (apt-get install oathtool; ./onix test installs it)")
        .isExecutable();
    long seconds = 1_700_000_015L;
    Process oathtool =
        new ProcessBuilder(
                "/usr/bin/oathtool", "--totp", "--base32", "--now", "@" + seconds, SECRET)
            .start();
    String expected =
        new String(oathtool.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(oathtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new Authenticator(SECRET).codeAt(Instant.ofEpochSecond(seconds)))
        .isEqualTo(expected);
  }
}
