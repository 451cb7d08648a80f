package com.onix.twofactor.command.notification;

/** Where a mail's delivery stands. All but {@code RETRYING} are final: nothing is sent after. */
enum DeliveryStatus {
  /** Not accepted yet; tried again with backoff. */
  RETRYING,
  /** The mail server (or the .eml directory) accepted it. */
  SENT,
  /** Refused for good (a 5xx reply, an address that does not parse). */
  FAILED,
  /** A sign-in code that expired before any server accepted it. */
  EXPIRED,
  /** Nothing to send: the code's key was destroyed by a reset, or the user is unknown. */
  SKIPPED;

  boolean done() {
    return this != RETRYING;
  }
}
