package com.onix.twofactor.kernel.twofactor;

/** How a sign-in proves the second factor. */
public enum VerificationMethod {
  TOTP,
  ACCESS_CODE,
  EMAIL_CODE
}
