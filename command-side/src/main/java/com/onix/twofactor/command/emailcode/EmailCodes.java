package com.onix.twofactor.command.emailcode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/** Sign-in codes by email: 8 random digits, valid 10 minutes, at most 5 sent an hour. */
public final class EmailCodes {

  public static final Duration LIFETIME = Duration.ofMinutes(10);
  public static final int SENDS_PER_HOUR = 5;
  public static final Duration RATE_WINDOW = Duration.ofHours(1);

  private static final int DIGITS = 8;
  private static final int BOUND = 100_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private EmailCodes() {}

  public static String generate() {
    return String.format("%0" + DIGITS + "d", RANDOM.nextInt(BOUND));
  }

  /** The 8 digits of what the user typed, spaces and dashes ignored; empty if it is no code. */
  public static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = typed.replaceAll("[\\s-]", "");
    return digits.matches("[0-9]{" + DIGITS + "}") ? Optional.of(digits) : Optional.empty();
  }
}
