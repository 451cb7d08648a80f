package com.onix.twofactor.kernel.accesscode;

/** Why an access code stopped working before its expiry or use. */
public enum RevocationReason {
  /** A newer code was issued for the user. */
  SUPERSEDED,
  /** An admin revoked it. */
  ADMIN,
  /** An admin reset the user's 2FA. */
  RESET
}
