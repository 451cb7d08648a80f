package com.onix.twofactor.command.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6238 Appendix B, SHA1 rows, through the service's own verification. The RFC lists 8-digit
 * codes; a 6-digit code of the same HMAC is their last six digits.
 */
class Rfc6238VectorsTest {

  private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T = {0}: {1}")
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void theRfcCodeVerifiesAtItsTimeForItsStep(long seconds, String eightDigits) {
    Instant at = Instant.ofEpochSecond(seconds);
    assertThat(Totp.matchingStep(SEED, eightDigits.substring(2), at)).hasValue(seconds / 30);
  }

  @ParameterizedTest(name = "T = {0}")
  @CsvSource({"59, 94287082", "1234567890, 89005924"})
  void theRfcCodeFailsTwoStepsLater(long seconds, String eightDigits) {
    Instant twoStepsLater = Instant.ofEpochSecond(seconds + 60);
    assertThat(Totp.matchingStep(SEED, eightDigits.substring(2), twoStepsLater)).isEmpty();
  }
}
