package com.onix.twofactor.console.page;

import com.onix.twofactor.console.apis.ConsoleUser;
import java.util.LinkedHashMap;
import java.util.Map;

/** A user's 2FA status and sign-in method as a person reads them, in the admin guide's words. */
public final class StatusWords {

  /** The filter's choices, in the order the counts show them. */
  public static final Map<String, String> STATUSES = new LinkedHashMap<>();

  public static final Map<String, String> METHODS = new LinkedHashMap<>();

  static {
    STATUSES.put("VERIFICATION_REQUIRED", "Set up");
    STATUSES.put("SETUP_REQUIRED", "Setup required");
    STATUSES.put("NOT_REQUIRED", "Not set up");
    STATUSES.put("LOCKED", "Locked");
    STATUSES.put("EXEMPT", "Exempt (Microsoft Entra ID)");
    METHODS.put("PASSWORD", "Email and password");
    METHODS.put("ENTRA_ID", "Microsoft Entra ID");
  }

  private StatusWords() {}

  public static String status(ConsoleUser user, ViewerTime time) {
    if ("LOCKED".equals(user.twoFactor()) && user.lockedUntil() != null) {
      return "Locked until " + time.time(user.lockedUntil());
    }
    return STATUSES.getOrDefault(user.twoFactor(), user.twoFactor());
  }

  public static String method(String signInMethod) {
    return METHODS.getOrDefault(signInMethod, signInMethod);
  }

  /** A CSS class for the status badge. */
  public static String tone(ConsoleUser user) {
    return switch (user.twoFactor()) {
      case "VERIFICATION_REQUIRED" -> "good";
      case "SETUP_REQUIRED", "LOCKED" -> "warn";
      default -> "neutral";
    };
  }

  /** "1 user", "12 users". */
  public static String users(long count) {
    return count == 1 ? "1 user" : count + " users";
  }
}
