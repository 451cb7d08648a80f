package com.onix.twofactor.benchmark;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/** The authenticator app's side of RFC 6238: HMAC-SHA1, 6 digits, 30-second steps. */
final class TotpCodes {

  static final long STEP_SECONDS = 30;

  // The generator synchronizes on its one Mac: one per load thread.
  private static final ThreadLocal<TimeBasedOneTimePasswordGenerator> GENERATOR =
      ThreadLocal.withInitial(
          () -> new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(STEP_SECONDS), 6));

  private TotpCodes() {}

  static long stepAt(long epochMillis) {
    return Math.floorDiv(epochMillis, STEP_SECONDS * 1000);
  }

  static String codeAt(byte[] secret, long step) {
    try {
      return GENERATOR
          .get()
          .generateOneTimePasswordString(
              new SecretKeySpec(secret, "HmacSHA1"),
              Instant.ofEpochSecond(step * STEP_SECONDS),
              Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("not an HMAC key", e);
    }
  }
}
