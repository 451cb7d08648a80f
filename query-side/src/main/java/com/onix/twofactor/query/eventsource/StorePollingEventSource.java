package com.onix.twofactor.query.eventsource;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * What the projections track: the storage engine read directly, in batches, polling while caught
 * up. Axon's {@code EmbeddedEventStore} in front of it would share a cache of recent events between
 * consumers, but it matches the Mongo engine's tokens against that cache by equality and misses
 * after a replay, waiting a second per batch.
 */
public class StorePollingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

  private final EventStorageEngine storage;
  private final long pollMillis;

  public StorePollingEventSource(EventStorageEngine storage, long pollMillis) {
    this.storage = storage;
    this.pollMillis = pollMillis;
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
    return new PollingStream(from);
  }

  @Override
  public TrackingToken createTailToken() {
    return storage.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return storage.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return storage.createTokenAt(dateTime);
  }

  private final class PollingStream implements BlockingStream<TrackedEventMessage<?>> {

    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> batch;
    private Iterator<? extends TrackedEventMessage<?>> events;
    private TrackedEventMessage<?> peeked;

    private PollingStream(TrackingToken from) {
      this.lastToken = from;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      while (peeked == null) {
        if (events == null) {
          batch = storage.readEvents(lastToken, false);
          events = batch.iterator();
        }
        if (events.hasNext()) {
          peeked = events.next();
          return true;
        }
        closeBatch(); // read to its end: the next look asks the store again
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(pollMillis)));
      }
      return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
        // keep waiting: the caller asked for the next event, whenever it comes
      }
      TrackedEventMessage<?> next = peeked;
      peeked = null;
      lastToken = next.trackingToken();
      return next;
    }

    @Override
    public void close() {
      closeBatch();
    }

    private void closeBatch() {
      if (batch != null) {
        batch.close();
      }
      batch = null;
      events = null;
    }
  }
}
