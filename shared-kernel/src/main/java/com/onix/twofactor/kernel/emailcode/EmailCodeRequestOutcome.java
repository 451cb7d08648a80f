package com.onix.twofactor.kernel.emailcode;

import java.time.Instant;

/**
 * The answer to a {@link SendEmailCode}: sent (an id and its expiry), locked (until when), or too
 * many codes in the last hour (when the next one may be asked for). Returned rather than thrown, as
 * the lockout and the rate limit are answers the caller acts on.
 */
public record EmailCodeRequestOutcome(
    String emailCodeId,
    Instant expiresAt,
    Instant lockedUntil,
    Instant nextAllowedAt,
    long version) {

  public static EmailCodeRequestOutcome sent(String emailCodeId, Instant expiresAt, long version) {
    return new EmailCodeRequestOutcome(emailCodeId, expiresAt, null, null, version);
  }

  public static EmailCodeRequestOutcome locked(Instant until, long version) {
    return new EmailCodeRequestOutcome(null, null, until, null, version);
  }

  public static EmailCodeRequestOutcome tooMany(Instant nextAllowedAt, long version) {
    return new EmailCodeRequestOutcome(null, null, null, nextAllowedAt, version);
  }

  public boolean sent() {
    return emailCodeId != null;
  }
}
