package com.onix.twofactor.kernel.user;

/** How a user proves the first factor. Entra ID users are exempt from Onix 2FA. */
public enum SignInMethod {
  PASSWORD,
  ENTRA_ID
}
