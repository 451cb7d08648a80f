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

  static String until(Instant lockedUntil, Instant now) {
    long minutes = Math.max(1, (Duration.between(now, lockedUntil).getSeconds() + 59) / 60);
    return "You can try again at "
        + UTC_TIME.format(lockedUntil)
        + ", in about "
        + minutes
        + (minutes == 1 ? " minute." : " minutes.");
  }
}
