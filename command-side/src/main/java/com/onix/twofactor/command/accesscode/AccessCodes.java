package com.onix.twofactor.command.accesscode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Temporary access codes: 12 characters of Crockford base32 (60 random bits), shown as {@code
 * XXXX-XXXX-XXXX}. People may type them in any case, with or without dashes and spaces, and with
 * the letters Crockford reads as digits (I and L as 1, O as 0).
 */
public final class AccessCodes {

  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);
  public static final Duration SHORTEST_LIFETIME = Duration.ofMinutes(10);
  public static final Duration LONGEST_LIFETIME = Duration.ofDays(30);

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessCodes() {}

  /** A fresh code in its normal form: 12 characters, no dashes. */
  public static String generate() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** {@code ABCD-EFGH-JKMN}, for people. */
  public static String display(String normalized) {
    return normalized.substring(0, 4)
        + "-"
        + normalized.substring(4, 8)
        + "-"
        + normalized.substring(8);
  }

  /** The normal form of what someone typed, or empty if it cannot be a code. */
  public static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(LENGTH);
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char read = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
      if (ALPHABET.indexOf(read) < 0 || code.length() == LENGTH) {
        return Optional.empty();
      }
      code.append(read);
    }
    return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
  }

  public static boolean acceptableLifetime(Duration lifetime) {
    return lifetime.compareTo(SHORTEST_LIFETIME) >= 0 && lifetime.compareTo(LONGEST_LIFETIME) <= 0;
  }
}
