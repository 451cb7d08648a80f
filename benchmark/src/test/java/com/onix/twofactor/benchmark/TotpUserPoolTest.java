package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TotpUserPoolTest {

  private static final long STEP_MILLIS = TotpCodes.STEP_SECONDS * 1000;
  private final AtomicLong now = new AtomicLong(1_000 * STEP_MILLIS + 1_000);

  @Test
  void aFreshUserYieldsThePreviousCurrentAndNextStepThenRunsDry() {
    TotpUserPool pool = new TotpUserPool(List.of(slot(990)), now::get);

    List<Long> steps = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TotpUserPool.Lease lease = pool.lease();
      if (lease != null) {
        steps.add(lease.step());
        pool.release(lease);
      }
    }

    assertThat(steps).containsExactly(999L, 1000L, 1001L);
  }

  @Test
  void nearTheEndOfAStepThePreviousStepIsNoLongerSent() {
    now.set(1_001 * STEP_MILLIS - 1_000);

    assertThat(TotpUserPool.usableStep(slot(990), now.get())).isEqualTo(1000L);
  }

  @Test
  void aNewStepFreesOneMoreCode() {
    TotpUserPool pool = new TotpUserPool(List.of(slot(1001)), now::get);
    assertThat(pool.lease()).isNull();

    now.addAndGet(STEP_MILLIS);

    assertThat(pool.lease().step()).isEqualTo(1002L);
  }

  @Test
  void aLeasedUserIsNotHandedOutTwice() {
    TotpUserPool pool = new TotpUserPool(List.of(slot(990)), now::get);

    TotpUserPool.Lease first = pool.lease();

    assertThat(first).isNotNull();
    assertThat(pool.lease()).isNull();
  }

  private static TotpUserPool.Slot slot(long lastAcceptedStep) {
    return new TotpUserPool.Slot(null, lastAcceptedStep);
  }
}
