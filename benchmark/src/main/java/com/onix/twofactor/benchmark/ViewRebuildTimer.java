package com.onix.twofactor.benchmark;

import java.time.Duration;

/**
 * {@code POST /admin/view-rebuilds}, then {@code /admin/projections} every 50 ms until the views
 * hold the whole store again: the rate is the events replayed over that time.
 */
final class ViewRebuildTimer {

  record Rebuild(long events, double seconds) {
    double eventsPerSecond() {
      return seconds > 0 ? events / seconds : 0;
    }
  }

  private final Api api;
  private final String operatorToken;
  private final StoreStatus status;

  ViewRebuildTimer(Api api, String operatorToken) {
    this.api = api;
    this.operatorToken = operatorToken;
    this.status = new StoreStatus(api, operatorToken);
  }

  Rebuild run(Duration patience) throws InterruptedException {
    long stored = status.now().eventsInStore();
    long start = System.nanoTime();
    api.send(Api.post(api.query, "/admin/view-rebuilds", operatorToken, null)).expect(202);
    long deadline = start + patience.toNanos();
    while (true) {
      Thread.sleep(50);
      StoreStatus.Counts counts = status.now();
      if (counts.caughtUp() && counts.eventsProjected() >= stored) {
        return new Rebuild(counts.eventsProjected(), (System.nanoTime() - start) / 1e9);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the rebuild did not finish within " + patience);
      }
    }
  }
}
