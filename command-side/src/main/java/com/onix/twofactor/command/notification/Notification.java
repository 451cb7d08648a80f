package com.onix.twofactor.command.notification;

import java.time.Instant;

/**
 * One mail to write: what happened, in plain text and HTML. {@code deliverBefore} is set for mail
 * that is worthless after a moment (a sign-in code): it is not retried past it.
 */
record Notification(
    NotificationKind kind, String subject, String text, String html, Instant deliverBefore) {

  @Override
  public String toString() {
    return "Notification[" + kind + "]";
  }
}
