package com.onix.twofactor.query.consistency;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One organization's read-your-writes waiters cannot use up another organization's. */
class ConsistencyWaitersPerOrganizationTest {

  private final ViewsCompleteness rebuild = mock(ViewsCompleteness.class);
  private final ConsistencyGate gate = new ConsistencyGate(rebuild);

  @Test
  void thirtyTwoWaitersOfOneOrganizationLeaveAnotherOrganizationsQueryWaiting() throws Exception {
    when(rebuild.viewsComplete()).thenReturn(true);
    String wanted = UUID.randomUUID() + ":5";
    AtomicLong appliedForA = new AtomicLong(-1);
    // A waiter has settled once it was refused, or polls a second time (it holds a place then).
    Map<Thread, Integer> pollsByWaiter = new ConcurrentHashMap<>();
    AtomicInteger refusedOfA = new AtomicInteger();
    List<Thread> waitersOfA = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      Thread waiter =
          new Thread(
              () -> {
                try {
                  gate.await(
                      "org-a",
                      wanted,
                      id -> {
                        pollsByWaiter.merge(Thread.currentThread(), 1, Integer::sum);
                        return appliedForA.get();
                      });
                } catch (RuntimeException refused) {
                  refusedOfA.incrementAndGet();
                }
              });
      waiter.start();
      waitersOfA.add(waiter);
    }
    try {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (refusedOfA.get() + pollsByWaiter.values().stream().filter(n -> n > 1).count() < 32
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      AtomicInteger polledByB = new AtomicInteger();
      // B's view catches up on its second look: B must be let in to wait for it.
      assertThatCode(
              () -> gate.await("org-b", wanted, id -> polledByB.incrementAndGet() > 1 ? 5 : -1))
          .doesNotThrowAnyException();
    } finally {
      appliedForA.set(5);
      for (Thread waiter : waitersOfA) {
        waiter.join(10_000);
      }
    }
  }
}
