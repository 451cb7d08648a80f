package com.onix.twofactor.kernel.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as typed, plus the case-insensitive key that makes it unique across all
 * organizations.
 */
public record EmailAddress(String value) {

  public static final int MAX_LENGTH = 254;

  // Deliberately simple: one @, a non-empty local part without spaces, a dotted domain.
  private static final Pattern SHAPE =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  public EmailAddress {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not an email address");
    }
  }

  public static boolean isValid(String candidate) {
    return candidate != null
        && candidate.length() <= MAX_LENGTH
        && SHAPE.matcher(candidate).matches()
        && !candidate.contains("..");
  }

  /** The form two spellings of one address share: {@code Ann@X.org} and {@code ann@x.org}. */
  public String uniquenessKey() {
    return value.toLowerCase(Locale.ROOT);
  }
}
