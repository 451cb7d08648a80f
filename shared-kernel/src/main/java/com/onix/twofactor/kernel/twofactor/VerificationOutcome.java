package com.onix.twofactor.kernel.twofactor;

import java.time.Instant;

/**
 * The answer to a {@link VerifySecondFactor}. A rejection is a result, not an exception, so that
 * the events recording it are stored rather than rolled back.
 *
 * @param rejection null when verified or locked
 * @param refusalCode the API's stable code for a rejection
 * @param remainingAttempts further failures allowed before the lock, for a rejection
 * @param lockedUntil set when verification is locked now
 */
public record VerificationOutcome(
    boolean verified,
    VerificationMethod method,
    RejectionReason rejection,
    RefusalCode refusalCode,
    int remainingAttempts,
    Instant lockedUntil,
    long version) {

  public static VerificationOutcome verified(VerificationMethod method, long version) {
    return new VerificationOutcome(true, method, null, null, 0, null, version);
  }

  public static VerificationOutcome rejected(
      VerificationMethod method,
      RejectionReason reason,
      RefusalCode refusalCode,
      int remainingAttempts,
      long version) {
    return new VerificationOutcome(
        false, method, reason, refusalCode, remainingAttempts, null, version);
  }

  public static VerificationOutcome locked(VerificationMethod method, Instant until, long version) {
    return new VerificationOutcome(false, method, null, null, 0, until, version);
  }

  public boolean locked() {
    return lockedUntil != null;
  }
}
