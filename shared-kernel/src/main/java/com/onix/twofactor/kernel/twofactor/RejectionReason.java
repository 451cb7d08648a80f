package com.onix.twofactor.kernel.twofactor;

/** Why a verification was refused; each counts toward the lockout. */
public enum RejectionReason {
  /** The code matches no time step in the accepted window. */
  WRONG_CODE,
  /** The code is right, but for a time step not later than the last accepted one. */
  REPLAYED_CODE,
  /** The user has no active authenticator enrollment. */
  NOT_ENROLLED,
  /** An access code was given, but none is active for the user. */
  NO_ACTIVE_ACCESS_CODE
}
