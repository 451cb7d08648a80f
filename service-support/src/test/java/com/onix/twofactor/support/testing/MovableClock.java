package com.onix.twofactor.support.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand instead of sleeping. UTC. */
public final class MovableClock extends Clock {

  private final AtomicReference<Instant> now;

  /** Starting now. */
  public MovableClock() {
    this(Instant.now());
  }

  public MovableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void advance(Duration by) {
    now.updateAndGet(instant -> instant.plus(by));
  }

  /** Back to the real time. */
  public void reset() {
    now.set(Instant.now());
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
