package com.onix.twofactor.command.twofactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 as Onix uses it: HMAC-SHA1, 6 digits, 30-second steps, one step of clock skew either
 * way. Replay protection (a step must be later than the last accepted one) is the caller's.
 */
public final class Totp {

  public static final Duration STEP = Duration.ofSeconds(30);
  public static final int DIGITS = 6;
  static final int SKEW_STEPS = 1;

  // java-otp's generator synchronizes on one Mac: one per thread keeps verifications parallel.
  private static final ThreadLocal<TimeBasedOneTimePasswordGenerator> GENERATOR =
      ThreadLocal.withInitial(() -> new TimeBasedOneTimePasswordGenerator(STEP, DIGITS));

  private Totp() {}

  public static long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
  }

  /**
   * The time step within the skew window whose code {@code typed} is, if any. Every candidate is
   * computed and compared in constant time, so timing tells nothing about which one matched.
   */
  public static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
    String code = typed == null ? "" : typed.replace(" ", "");
    if (code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    byte[] candidate = code.getBytes(StandardCharsets.US_ASCII);
    long current = stepAt(now);
    long matched = Long.MIN_VALUE;
    for (long step = current - SKEW_STEPS; step <= current + SKEW_STEPS; step++) {
      if (MessageDigest.isEqual(candidate, codeAt(secret, step))) {
        matched = step;
      }
    }
    return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  static byte[] codeAt(byte[] secret, long step) {
    try {
      return GENERATOR
          .get()
          .generateOneTimePasswordString(
              new SecretKeySpec(secret, "HmacSHA1"),
              Instant.ofEpochSecond(step * STEP.getSeconds()),
              Locale.ROOT)
          .getBytes(StandardCharsets.US_ASCII);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a TOTP secret is not a usable HMAC key", e);
    }
  }
}
