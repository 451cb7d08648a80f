package com.onix.twofactor.prompt.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the locked page says without JavaScript (the countdown replaces it in the browser). */
final class LockText {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private LockText() {}

  static String nextCodeAt(Instant allowedAgain, Instant now) {
    if (allowedAgain == null) {
      return "Please wait a while before you ask for another one.";
    }
    return "You can ask for another one at "
        + UTC_TIME.format(allowedAgain)
        + ", in about "
        + minutesText(allowedAgain, now);
  }

  static String codeWorksUntil(Instant expiresAt, Instant now) {
    return "It works until "
        + UTC_TIME.format(expiresAt)
        + ", for about "
        + minutesText(expiresAt, now);
  }

  private static String minutesText(Instant until, Instant now) {
    long minutes = Math.max(1, (Duration.between(now, until).getSeconds() + 59) / 60);
    return minutes + (minutes == 1 ? " minute." : " minutes.");
  }

  static String until(Instant lockedUntil, Instant now) {
    long minutes = Math.max(1, (Duration.between(now, lockedUntil).getSeconds() + 59) / 60);
    return "You can try again at "
        + UTC_TIME.format(lockedUntil)
        + ", in about "
        + minutes
        + (minutes == 1 ? " minute." : " minutes.");
  }
}
