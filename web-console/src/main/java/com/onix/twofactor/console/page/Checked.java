package com.onix.twofactor.console.page;

import java.util.UUID;

/** Values from the address bar, checked before they go anywhere near an API address. */
public final class Checked {

  private Checked() {}

  /** The filter value when it is one of {@code allowed}, else null (no filter). */
  public static String oneOf(String value, java.util.Collection<String> allowed) {
    return value != null && allowed.contains(value) ? value : null;
  }

  /** A page cursor as the query side hands them out (base64url), else null. */
  public static String cursor(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{1,64}") ? value : null;
  }

  public static boolean isId(String value) {
    if (value == null || value.length() != 36) {
      return false;
    }
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException notAnId) {
      return false;
    }
  }

  /** An aggregate version as a command answered it ({@code <id>:<n>}), else null. */
  public static String version(Object value) {
    return value instanceof String text && text.matches("[0-9a-f-]{36}:\\d{1,12}") ? text : null;
  }
}
