package com.onix.twofactor.console.apis;

import java.time.Instant;

/** One user as the query side's Users &amp; Roles view shows them. */
public record ConsoleUser(
    String userId,
    String email,
    String displayName,
    String signInMethod,
    String twoFactor,
    Instant enrolledAt,
    Instant lastVerifiedAt,
    String accessCodeId,
    Instant accessCodeExpiresAt,
    Instant lockedUntil) {

  public boolean exempt() {
    return "EXEMPT".equals(twoFactor);
  }

  public boolean hasAccessCode() {
    return accessCodeId != null;
  }
}
