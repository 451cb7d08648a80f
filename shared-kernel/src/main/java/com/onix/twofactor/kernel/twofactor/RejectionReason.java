package com.onix.twofactor.kernel.twofactor;

/** Why a verification was refused; each counts toward the lockout. */
public enum RejectionReason {
  /** A TOTP code matching no time step in the window, or an access code that is not the user's. */
  WRONG_CODE,
  /** The code is right, but for a time step not later than the last accepted one. */
  REPLAYED_CODE,
  /** The user has no active authenticator enrollment. */
  NOT_ENROLLED,
  /** An access code was given, but none is active for the user. */
  NO_ACTIVE_ACCESS_CODE,
  /** The access code was valid once, and has expired. */
  EXPIRED_CODE,
  /** The access code was revoked (by an admin, a newer code or a reset). */
  REVOKED_CODE,
  /** The access code was used already. */
  USED_CODE,
  /** A code by email was given, but none is active for the user. */
  NO_ACTIVE_EMAIL_CODE,
  /** The mail server refused the mail carrying the user's current email code. */
  EMAIL_UNDELIVERABLE
}
