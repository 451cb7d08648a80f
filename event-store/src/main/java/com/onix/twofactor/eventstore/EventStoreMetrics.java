package com.onix.twofactor.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/** What the operators see of the event store: appends, the events they held, and conflicts. */
public final class EventStoreMetrics {

  private final Timer appends;
  private final Counter events;
  private final Counter conflicts;

  public EventStoreMetrics(MeterRegistry registry) {
    this.appends =
        Timer.builder("onix.event_store.appends")
            .description("Appends of one unit of work's events, and how long each took")
            .register(registry);
    this.events =
        Counter.builder("onix.event_store.events_appended")
            .description("Events stored")
            .register(registry);
    this.conflicts =
        Counter.builder("onix.event_store.conflicts")
            .description("Appends refused because another command took the aggregate's version")
            .register(registry);
  }

  /** Counts into a registry nobody reads: for an engine built without one. */
  static EventStoreMetrics unobserved() {
    return new EventStoreMetrics(new SimpleMeterRegistry());
  }

  void appended(int eventCount, long nanos) {
    appends.record(nanos, TimeUnit.NANOSECONDS);
    events.increment(eventCount);
  }

  void conflict() {
    conflicts.increment();
  }
}
