package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * Two command-side instances (separate engines and connections, one database) append concurrently
 * to overlapping aggregates while a tracking processor on a third instance reads.
 */
class MultiWriterTest extends StoreTest {

  private static final int INSTANCES = 2;
  private static final int THREADS_PER_INSTANCE = 3;
  private static final int COMMITS_PER_THREAD = 40;
  private static final int AGGREGATES = 6;

  private record Position(String aggregate, long sequence) {}

  private final Map<String, Position> acknowledged = new ConcurrentHashMap<>();
  private final AtomicInteger conflicts = new AtomicInteger();
  private final AtomicInteger staleOnPurpose = new AtomicInteger();

  @Test
  void aTrackingReaderSeesEveryAcknowledgedEventOnceInGlobalAndAggregateOrder() throws Exception {
    CommitLogStorageEngine reader =
        Events.engine(new EventLog(store.connect())).gapTimeout(Duration.ofMillis(100)).build();
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE + 1);
    AtomicBoolean writersDone = new AtomicBoolean();
    try {
      Future<List<TrackedEventMessage<?>>> tracking =
          threads.submit(() -> trackUntilCaughtUp(reader, writersDone));
      List<Future<?>> writers = new ArrayList<>();
      for (int instance = 0; instance < INSTANCES; instance++) {
        CommitLogStorageEngine engine = Events.engine(new EventLog(store.connect())).build();
        for (int thread = 0; thread < THREADS_PER_INSTANCE; thread++) {
          long seed = instance * 100L + thread;
          writers.add(threads.submit(() -> write(engine, new Random(seed))));
        }
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
      writersDone.set(true);
      List<TrackedEventMessage<?>> seen = tracking.get(60, TimeUnit.SECONDS);

      assertThat(seen.stream().map(TrackedEventMessage::getIdentifier))
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
      assertStrictlyIncreasingGlobalOrder(seen);
      assertAggregateOrder(seen);
      assertThat(conflicts.get()).isGreaterThanOrEqualTo(staleOnPurpose.get()).isPositive();
      for (int aggregate = 0; aggregate < AGGREGATES; aggregate++) {
        assertThat(reader.readEvents("agg-" + aggregate).asStream().count())
            .isEqualTo(acknowledgedFor("agg-" + aggregate));
      }
    } finally {
      writersDone.set(true);
      threads.shutdownNow();
    }
  }

  /**
   * As a command would: load the version, decide, append; on a conflict, load again. Every eighth
   * commit is followed by a second one from the same version, which must lose.
   */
  private Void write(CommitLogStorageEngine engine, Random random) {
    for (int i = 0; i < COMMITS_PER_THREAD; i++) {
      String aggregate = "agg-" + random.nextInt(AGGREGATES);
      while (true) {
        long first = engine.lastSequenceNumberFor(aggregate).orElse(-1L) + 1;
        List<DomainEventMessage<?>> events = commit(aggregate, first, 1 + random.nextInt(3));
        try {
          engine.appendEvents(events);
        } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
          conflicts.incrementAndGet();
          continue;
        }
        events.forEach(
            e ->
                acknowledged.put(
                    e.getIdentifier(), new Position(aggregate, e.getSequenceNumber())));
        if (i % 8 == 7) {
          staleOnPurpose.incrementAndGet();
          try {
            engine.appendEvents(commit(aggregate, first, 1));
            throw new AssertionError("a second append of version " + first + " was accepted");
          } catch (ConcurrencyException | AggregateStreamCreationException expected) {
            conflicts.incrementAndGet();
          }
        }
        break;
      }
    }
    return null;
  }

  /** Polls like a tracking processor until a read that began after the writers finished. */
  private List<TrackedEventMessage<?>> trackUntilCaughtUp(
      CommitLogStorageEngine reader, AtomicBoolean writersDone) {
    List<TrackedEventMessage<?>> seen = new ArrayList<>();
    TrackingToken token = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean finalRead = writersDone.get();
      List<TrackedEventMessage<?>> batch = Events.track(reader, token);
      if (!batch.isEmpty()) {
        seen.addAll(batch);
        token = batch.get(batch.size() - 1).trackingToken();
      } else if (finalRead) {
        break;
      }
    }
    return seen;
  }

  private static void assertStrictlyIncreasingGlobalOrder(List<TrackedEventMessage<?>> seen) {
    for (int i = 1; i < seen.size(); i++) {
      assertThat(index(seen.get(i))).isGreaterThan(index(seen.get(i - 1)));
    }
  }

  private static void assertAggregateOrder(List<TrackedEventMessage<?>> seen) {
    Map<String, Long> next = new HashMap<>();
    for (TrackedEventMessage<?> event : seen) {
      DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
      long expected = next.getOrDefault(domain.getAggregateIdentifier(), 0L);
      assertThat(domain.getSequenceNumber())
          .as("sequence of %s", domain.getAggregateIdentifier())
          .isEqualTo(expected);
      next.put(domain.getAggregateIdentifier(), expected + 1);
    }
  }

  private long acknowledgedFor(String aggregate) {
    return acknowledged.values().stream().filter(p -> p.aggregate().equals(aggregate)).count();
  }
}
