package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.Population.BenchUser;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Hands out enrolled users, each with a code the service must accept: the service takes a code of
 * the current step or one step either side, but only for a step later than the last it accepted for
 * that user. So a user yields at most three codes at once and one more every 30 s; the pool cycles
 * through its users and reports exhaustion rather than send a code that must fail.
 *
 * <p>A leased user is out of the pool until it is returned, so no user has two verifications in
 * flight (the later step could land first and make the earlier one a replay).
 */
final class TotpUserPool {

  /** A previous step's code is sent only this far from the step's end, so it never expires. */
  private static final long SAFETY_MILLIS = 3_000;

  static final class Slot {
    final BenchUser user;
    long lastAcceptedStep;

    Slot(BenchUser user, long lastAcceptedStep) {
      this.user = user;
      this.lastAcceptedStep = lastAcceptedStep;
    }
  }

  /** A user and the step of the code to send for them. */
  record Lease(Slot slot, long step) {
    String code() {
      return TotpCodes.codeAt(slot.user.secret(), step);
    }
  }

  private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();
  private final int size;
  private final LongSupplier clock;

  TotpUserPool(List<Slot> slots, LongSupplier clock) {
    free.addAll(slots);
    this.size = slots.size();
    this.clock = clock;
  }

  int size() {
    return size;
  }

  /** The next user with a usable code, or null when every free user has used up this step. */
  Lease lease() {
    for (int tried = 0; tried < size; tried++) {
      Slot slot = free.poll();
      if (slot == null) {
        return null;
      }
      long step = usableStep(slot, clock.getAsLong());
      if (step != Long.MIN_VALUE) {
        return new Lease(slot, step);
      }
      free.add(slot);
    }
    return null;
  }

  /**
   * Back into the pool. An accepted code's step is the user's last; a refused one may have been
   * accepted all the same (a timeout), so it is counted as used either way.
   */
  void release(Lease lease) {
    lease.slot.lastAcceptedStep = Math.max(lease.slot.lastAcceptedStep, lease.step);
    free.add(lease.slot);
  }

  /** Milliseconds until the next step begins, when a step's worth of codes comes free again. */
  long millisToNextStep() {
    long now = clock.getAsLong();
    long stepMillis = TotpCodes.STEP_SECONDS * 1000;
    return stepMillis - Math.floorMod(now, stepMillis);
  }

  static long usableStep(Slot slot, long nowMillis) {
    long current = TotpCodes.stepAt(nowMillis);
    long intoStep = Math.floorMod(nowMillis, TotpCodes.STEP_SECONDS * 1000);
    long earliest =
        intoStep < TotpCodes.STEP_SECONDS * 1000 - SAFETY_MILLIS ? current - 1 : current;
    long step = Math.max(slot.lastAcceptedStep + 1, earliest);
    return step <= current + 1 ? step : Long.MIN_VALUE;
  }
}
