package com.onix.twofactor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** The query side's {@code /admin/projections}: how many events are stored, and projected. */
final class StoreStatus {

  record Counts(long eventsInStore, long eventsProjected, boolean caughtUp) {}

  private final Api api;
  private final String operatorToken;

  StoreStatus(Api api, String operatorToken) {
    this.api = api;
    this.operatorToken = operatorToken;
  }

  Counts now() {
    JsonNode progress =
        api.send(Api.get(api.query, "/admin/projections", operatorToken)).expect(200).json();
    return new Counts(
        progress.path("eventsInStore").asLong(),
        progress.path("eventsProjected").asLong(),
        progress.path("caughtUp").asBoolean());
  }

  /** Waits until the views hold every stored event, polling every {@code interval}. */
  Counts awaitCaughtUp(Duration interval, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Counts counts = null;
      try {
        counts = now();
      } catch (IllegalStateException busy) {
        // One 5xx while the store is flooded (a 1,000,000-event seeding) ended a whole run once.
        if (System.nanoTime() > deadline) {
          throw busy;
        }
      }
      if (counts != null && counts.caughtUp()) {
        return counts;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the query side did not catch up within " + patience + ": " + counts);
      }
      Thread.sleep(interval.toMillis());
    }
  }
}
