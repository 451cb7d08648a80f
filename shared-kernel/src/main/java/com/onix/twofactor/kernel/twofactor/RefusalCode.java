package com.onix.twofactor.kernel.twofactor;

/** The API's stable code for a refused verification, as the aggregate decides it. */
public enum RefusalCode {
  /** A wrong or replayed code (HTTP 422). */
  INVALID_CODE,
  /** No active authenticator enrollment (HTTP 409). */
  NOT_ENROLLED,
  /** No valid temporary access code (HTTP 409). */
  NO_ACTIVE_ACCESS_CODE,
  /** No valid code by email (HTTP 409). */
  NO_ACTIVE_EMAIL_CODE,
  /** The mail server refused the mail with the current email code (HTTP 409). */
  EMAIL_UNDELIVERABLE
}
