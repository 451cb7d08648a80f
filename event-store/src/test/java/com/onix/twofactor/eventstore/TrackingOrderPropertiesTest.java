package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Whatever the mix of commit sizes, conflicting appends, abandoned reservations and processors
 * resuming from inside a batch: the tracking order is gap-free in what it delivers, free of
 * duplicates, and keeps each aggregate's sequence.
 */
class TrackingOrderPropertiesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  sealed interface Step {}

  record Append(int aggregate, int size) implements Step {}

  /** A command working from a version another one has already moved past. */
  record StaleAppend(int aggregate) implements Step {}

  /** A writer that reserved an index and died before inserting. */
  record AbandonedReservation(int count) implements Step {}

  /**
   * A processor's poll; it may first let the gap timeout pass, and may have stopped {@code rewind}
   * events before the end of its last batch without storing its token.
   */
  record Poll(boolean timeoutPassed, int rewind) implements Step {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> append =
        Combinators.combine(
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 6))
            .as(Append::new);
    Arbitrary<Step> stale = Arbitraries.integers().between(0, 3).map(StaleAppend::new);
    Arbitrary<Step> abandoned = Arbitraries.integers().between(1, 3).map(AbandonedReservation::new);
    Arbitrary<Step> poll =
        Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 4))
            .as(Poll::new);
    return Arbitraries.frequencyOf(
            Tuple.of(6, append), Tuple.of(2, stale), Tuple.of(1, abandoned), Tuple.of(3, poll))
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }

  @Property(tries = 30)
  void everyAcknowledgedEventIsTrackedOnceInOrder(@ForAll("histories") List<Step> history) {
    try (TestStore store = TestStore.open()) {
      EventLog log = store.eventLog();
      new LegacyLayoutMigration(log).run();
      CommitLogStorageEngine writer = Events.engine(log).build();
      AtomicLong clock = new AtomicLong();
      CommitLogStorageEngine reader = Events.engine(new EventLog(store.connect()), clock, TIMEOUT);
      Set<String> acknowledged = new HashSet<>();
      List<TrackedEventMessage<?>> seen = new ArrayList<>();

      for (Step step : history) {
        if (step instanceof Append append) {
          String aggregate = "agg-" + append.aggregate();
          long first = writer.lastSequenceNumberFor(aggregate).orElse(-1L) + 1;
          List<DomainEventMessage<?>> events = commit(aggregate, first, append.size());
          writer.appendEvents(events);
          events.forEach(e -> acknowledged.add(e.getIdentifier()));
        } else if (step instanceof StaleAppend stale) {
          String aggregate = "agg-" + stale.aggregate();
          long last = writer.lastSequenceNumberFor(aggregate).orElse(-1L);
          long taken = lastCommitStart(writer, aggregate, last);
          if (taken >= 0) {
            try {
              writer.appendEvents(commit(aggregate, taken, 2));
              throw new AssertionError("a stale append was accepted");
            } catch (ConcurrencyException | AggregateStreamCreationException expected) {
              // refused, as it must be
            }
          }
        } else if (step instanceof AbandonedReservation abandoned) {
          new GlobalSequence(log).reserve(abandoned.count());
        } else if (step instanceof Poll poll) {
          int keep = Math.max(0, seen.size() - poll.rewind());
          seen.subList(keep, seen.size()).clear();
          if (poll.timeoutPassed()) {
            clock.addAndGet(TIMEOUT.toNanos());
          }
          seen.addAll(Events.track(reader, lastToken(seen)));
        }
      }
      for (int polls = 0; polls < 100; polls++) { // every gap met is waited out, then sealed
        clock.addAndGet(TIMEOUT.toNanos());
        List<TrackedEventMessage<?>> more = Events.track(reader, lastToken(seen));
        seen.addAll(more);
        if (more.isEmpty() && reader.lastEventIndex() <= lastIndex(seen)) {
          break;
        }
      }

      assertThat(seen.stream().map(TrackedEventMessage::getIdentifier))
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(acknowledged);
      Map<String, Long> next = new HashMap<>();
      long previous = -1;
      for (TrackedEventMessage<?> event : seen) {
        assertThat(index(event)).isGreaterThan(previous);
        previous = index(event);
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        long expected = next.getOrDefault(domain.getAggregateIdentifier(), 0L);
        assertThat(domain.getSequenceNumber()).isEqualTo(expected);
        next.put(domain.getAggregateIdentifier(), expected + 1);
      }
    }
  }

  /** The first sequence number of the commit holding {@code last}: a version already taken. */
  private static long lastCommitStart(CommitLogStorageEngine engine, String aggregate, long last) {
    long start = last;
    while (start >= 0 && !engine.hasEventsAfter(aggregate, start - 1)) {
      start--;
    }
    return start;
  }

  private static TrackingToken lastToken(List<TrackedEventMessage<?>> seen) {
    return seen.isEmpty() ? null : seen.get(seen.size() - 1).trackingToken();
  }

  private static long lastIndex(List<TrackedEventMessage<?>> seen) {
    return seen.isEmpty() ? -1 : index(seen.get(seen.size() - 1));
  }
}
