package com.onix.twofactor.query.user;

/**
 * What a sign-in of this user must do about the second factor; the twoFactor table of
 * docs/http-api.md, in its order.
 */
public enum TwoFactorStatus {
  EXEMPT,
  LOCKED,
  VERIFICATION_REQUIRED,
  SETUP_REQUIRED,
  NOT_REQUIRED
}
