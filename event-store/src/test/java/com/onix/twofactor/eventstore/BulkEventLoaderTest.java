package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.JSON;
import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.identifiers;
import static com.onix.twofactor.eventstore.Events.index;
import static com.onix.twofactor.eventstore.Events.indexes;
import static com.onix.twofactor.eventstore.Events.stream;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.onix.twofactor.eventstore.BulkEventLoader.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole histories of new aggregates written straight into a live store: read back by key and by
 * tracking as the engine's own commits are, beside writers and readers that run meanwhile.
 */
class BulkEventLoaderTest extends StoreTest {

  private CommitLogStorageEngine engine;
  private BulkEventLoader loader;

  @BeforeEach
  void engineAndLoader() {
    engine = Events.engine(log).build();
    loader = new BulkEventLoader(new EventLog(store.connect()), JSON);
  }

  /** A history of commits of the given sizes, numbered on from 0. */
  private static History history(String aggregate, int... commitSizes) {
    List<List<? extends DomainEventMessage<?>>> commits = new ArrayList<>();
    long next = 0;
    for (int size : commitSizes) {
      commits.add(commit(aggregate, next, size));
      next += size;
    }
    return new History(commits);
  }

  private static List<DomainEventMessage<?>> eventsOf(History history) {
    List<DomainEventMessage<?>> events = new ArrayList<>();
    history.commits().forEach(events::addAll);
    return events;
  }

  @Test
  void eachLoadedAggregateIsReadBackByKeyInSequenceOrder() {
    History first = history("acc-1", 2, 1, 3);
    History second = history("acc-2", 1);

    assertThat(loader.append(List.of(first, second))).isEqualTo(7);

    List<DomainEventMessage<?>> read = stream(engine.readEvents("acc-1"));
    assertThat(identifiers(read)).isEqualTo(identifiers(eventsOf(first)));
    assertThat(read)
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(read.get(4).getPayload()).isEqualTo(eventsOf(first).get(4).getPayload());
    assertThat(read.get(4).getMetaData()).isEqualTo(eventsOf(first).get(4).getMetaData());
    assertThat(read.get(4).getTimestamp()).isEqualTo(eventsOf(first).get(4).getTimestamp());
    assertThat(engine.lastSequenceNumberFor("acc-1")).contains(5L);
    assertThat(identifiers(stream(engine.readEvents("acc-2"))))
        .isEqualTo(identifiers(eventsOf(second)));
  }

  @Test
  void trackingDeliversTheHistoriesInterleavedRoundByRoundWithConsecutiveIndexes() {
    History a = history("acc-a", 2, 1);
    History b = history("acc-b", 1, 1, 2);
    engine.appendEvents(commit("acc-0", 0, 1));

    loader.append(List.of(a, b));

    List<TrackedEventMessage<?>> tracked = track(engine, null);
    assertThat(indexes(tracked)).containsExactlyElementsOf(LongStream.range(0, 8).boxed().toList());
    List<DomainEventMessage<?>> ea = eventsOf(a);
    List<DomainEventMessage<?>> eb = eventsOf(b);
    List<EventMessage<?>> expected = new ArrayList<>();
    expected.add(tracked.get(0)); // the engine's own append, first
    expected.addAll(List.of(ea.get(0), ea.get(1), eb.get(0))); // round 0
    expected.addAll(List.of(ea.get(2), eb.get(1))); // round 1
    expected.addAll(List.of(eb.get(2), eb.get(3))); // round 2
    assertThat(identifiers(tracked)).isEqualTo(identifiers(expected));
  }

  @Test
  void lastEventIndexCountsTheLoadedEvents() {
    engine.appendEvents(commit("acc-0", 0, 3));
    List<History> histories = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      histories.add(history("acc-" + (i + 1), 1 + i % 3, 2));
    }

    long loaded = loader.append(histories);

    assertThat(loaded).isEqualTo(histories.stream().mapToInt(History::eventCount).sum());
    assertThat(engine.lastEventIndex()).isEqualTo(3 + loaded - 1);
    assertThat(track(engine, null)).hasSize((int) (3 + loaded));
  }

  @Test
  void aLoadRunningBesideOrdinaryAppendsAndATrackingReaderLosesNothingAndKeepsEveryOrder()
      throws Exception {
    BulkEventLoader smallInserts = new BulkEventLoader(new EventLog(store.connect()), JSON, 7);
    CommitLogStorageEngine writer = Events.engine(new EventLog(store.connect())).build();
    // A gap timeout no healthy writer comes near: nothing may need sealing here.
    CommitLogStorageEngine reader =
        Events.engine(new EventLog(store.connect())).gapTimeout(Duration.ofSeconds(30)).build();
    List<History> histories = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      histories.add(history("bulk-" + i, 1, 2, 1, 3));
    }
    AtomicBoolean loading = new AtomicBoolean(true);
    List<String> appended = new ArrayList<>();
    CompletableFuture<Void> appends =
        CompletableFuture.runAsync(
            () -> {
              for (long sequence = 0; loading.get() || sequence < 20; sequence += 2) {
                List<DomainEventMessage<?>> events = commit("live", sequence, 2);
                writer.appendEvents(events);
                synchronized (appended) {
                  appended.addAll(identifiers(events));
                }
              }
            });
    List<TrackedEventMessage<?>> seen = new ArrayList<>();
    CompletableFuture<Void> tracking =
        CompletableFuture.runAsync(
            () -> {
              TrackingToken token = null;
              while (loading.get() || !appends.isDone()) {
                List<TrackedEventMessage<?>> batch = track(reader, token);
                if (!batch.isEmpty()) {
                  seen.addAll(batch);
                  token = batch.get(batch.size() - 1).trackingToken();
                }
              }
            });

    long loaded;
    try {
      loaded = smallInserts.append(histories);
    } finally {
      loading.set(false);
    }
    appends.get(30, TimeUnit.SECONDS);
    tracking.get(30, TimeUnit.SECONDS);
    seen.addAll(track(reader, seen.isEmpty() ? null : seen.get(seen.size() - 1).trackingToken()));

    List<String> expected = new ArrayList<>(appended);
    histories.forEach(history -> expected.addAll(identifiers(eventsOf(history))));
    assertThat(identifiers(seen))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(loaded).isEqualTo(120 * 7);
    assertThat(indexes(seen))
        .containsExactlyElementsOf(LongStream.range(0, seen.size()).boxed().toList());
    Map<String, Long> next = new HashMap<>();
    for (TrackedEventMessage<?> event : seen) {
      DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
      long expectedSequence = next.getOrDefault(domain.getAggregateIdentifier(), 0L);
      assertThat(domain.getSequenceNumber())
          .as("sequence of %s", domain.getAggregateIdentifier())
          .isEqualTo(expectedSequence);
      next.put(domain.getAggregateIdentifier(), expectedSequence + 1);
    }
    assertThat(engine.lastEventIndex()).isEqualTo(seen.size() - 1);
    assertThat(stream(engine.readEvents("bulk-77"))).hasSize(7);
  }

  @Test
  void anAppendBetweenTwoOfTheLoadersInsertsTakesTheIndexesBetweenThem() {
    CommitLogStorageEngine writer = Events.engine(new EventLog(store.connect())).build();
    List<DomainEventMessage<?>> live = commit("live", 0, 2);
    AtomicInteger reservations = new AtomicInteger();
    CommandListener appendBeforeTheSecondReservation =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("findAndModify")
                && reservations.incrementAndGet() == 2) {
              writer.appendEvents(live);
            }
          }
        };
    BulkEventLoader interrupted =
        new BulkEventLoader(new EventLog(store.connect(appendBeforeTheSecondReservation)), JSON);
    History a = history("acc-a", 1, 1);
    History b = history("acc-b", 2);

    interrupted.append(List.of(a, b));

    List<TrackedEventMessage<?>> tracked = track(engine, null);
    assertThat(indexes(tracked)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(identifiers(tracked))
        .isEqualTo(
            identifiers(
                List.of(
                    eventsOf(a).get(0),
                    eventsOf(b).get(0),
                    eventsOf(b).get(1),
                    live.get(0),
                    live.get(1),
                    eventsOf(a).get(1))));
  }

  @Test
  void aCommitWhoseIndexWasSealedBeforeItLandedMovesToFreshIndexesAndKeepsItsAggregatesOrder() {
    long next = new GlobalSequence(log).nextUnreserved();
    log.commits().insertOne(Commits.voidAt(next)); // a reader sealed it before the insert
    History first = history("acc-1", 2, 1);
    History second = history("acc-2", 1, 1);

    loader.append(List.of(first, second));

    List<TrackedEventMessage<?>> tracked = track(engine, null);
    List<DomainEventMessage<?>> e1 = eventsOf(first);
    List<DomainEventMessage<?>> e2 = eventsOf(second);
    assertThat(identifiers(tracked))
        .isEqualTo(identifiers(List.of(e2.get(0), e1.get(0), e1.get(1), e1.get(2), e2.get(1))));
    assertThat(index(tracked.get(0))).isEqualTo(next + 2); // round 0 kept the second's indexes
    assertThat(index(tracked.get(1))).isEqualTo(next + 3); // the first's commit moved after it
    Document abandoned = log.commits().find(new Document(EventLog.GLOBAL_INDEX, next + 1)).first();
    assertThat(Commits.isVoid(abandoned)).isTrue();
    assertThat(identifiers(stream(engine.readEvents("acc-1")))).isEqualTo(identifiers(e1));
  }

  @Test
  void anAggregateThatExistsAlreadyIsRefusedBeforeAnythingIsWritten() {
    engine.appendEvents(commit("acc-1", 0, 1));
    long reserved = new GlobalSequence(log).nextUnreserved();

    assertThatThrownBy(() -> loader.append(List.of(history("acc-2", 1), history("acc-1", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acc-1");

    assertThat(log.commits().countDocuments()).isEqualTo(1);
    assertThat(new GlobalSequence(log).nextUnreserved()).isEqualTo(reserved);
  }

  @Test
  void aHistoryMustNumberOneAggregatesEventsFromZero() {
    History gap =
        new History(List.of(commit("acc-1", 0, 1), commit("acc-1", 2, 1))); // 1 is missing
    History late = new History(List.of(commit("acc-2", 1, 1)));
    History mixed = new History(List.of(commit("acc-3", 0, 1), commit("acc-4", 1, 1)));
    History twice = history("acc-5", 1);

    for (List<History> bad :
        List.of(List.of(gap), List.of(late), List.of(mixed), List.of(twice, twice))) {
      assertThatThrownBy(() -> loader.append(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(log.commits().countDocuments()).isZero();
  }

  @Test
  void aStoreNotInTheCurrentLayoutIsRefused() {
    try (TestStore fresh = TestStore.open()) {
      BulkEventLoader unready = new BulkEventLoader(fresh.eventLog(), JSON);

      assertThatThrownBy(() -> unready.append(List.of(history("acc-1", 1))))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
