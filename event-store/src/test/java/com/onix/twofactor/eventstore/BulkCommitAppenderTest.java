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
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commits written in bulk straight into a live store: read back by key and by tracking as the
 * engine's own commits are, beside writers and readers that run meanwhile.
 */
class BulkCommitAppenderTest extends StoreTest {

  private CommitLogStorageEngine engine;
  private BulkCommitAppender appender;

  @BeforeEach
  void engineAndAppender() {
    engine = Events.engine(log).build();
    appender = new BulkCommitAppender(new EventLog(store.connect()), JSON);
  }

  @Test
  void appendedCommitsAreReadBackByKeyInSequenceOrder() {
    List<DomainEventMessage<?>> first = commit("acc-1", 0, 2);
    List<DomainEventMessage<?>> then = commit("acc-1", 2, 3);
    List<DomainEventMessage<?>> other = commit("acc-2", 0, 1);

    assertThat(appender.append(List.of(first, other))).isEqualTo(3);
    assertThat(appender.append(List.of(then))).isEqualTo(3);

    List<DomainEventMessage<?>> read = stream(engine.readEvents("acc-1"));
    List<DomainEventMessage<?>> written = new ArrayList<>(first);
    written.addAll(then);
    assertThat(identifiers(read)).isEqualTo(identifiers(written));
    assertThat(read.get(3).getPayload()).isEqualTo(written.get(3).getPayload());
    assertThat(read.get(3).getMetaData()).isEqualTo(written.get(3).getMetaData());
    assertThat(read.get(3).getTimestamp()).isEqualTo(written.get(3).getTimestamp());
    assertThat(engine.lastSequenceNumberFor("acc-1")).contains(4L);
    assertThat(identifiers(stream(engine.readEvents("acc-2")))).isEqualTo(identifiers(other));
  }

  @Test
  void trackingDeliversTheCommitsInTheOrderGivenAfterWhatWasStored() {
    engine.appendEvents(commit("acc-0", 0, 1));
    List<DomainEventMessage<?>> a = commit("acc-a", 0, 2);
    List<DomainEventMessage<?>> b = commit("acc-b", 0, 1);

    assertThat(appender.append(List.of(a, b))).isEqualTo(3);

    List<TrackedEventMessage<?>> tracked = track(engine, null);
    assertThat(indexes(tracked)).containsExactly(0L, 1L, 2L, 3L);
    assertThat(identifiers(tracked.subList(1, 4)))
        .isEqualTo(identifiers(List.of(a.get(0), a.get(1), b.get(0))));
    assertThat(engine.lastEventIndex()).isEqualTo(3);
  }

  @Test
  void appendsRunningBesideOrdinaryAppendsAndATrackingReaderLoseNothingAndKeepEveryOrder()
      throws Exception {
    CommitLogStorageEngine writer = Events.engine(new EventLog(store.connect())).build();
    // A gap timeout no healthy writer comes near: nothing may need sealing here.
    CommitLogStorageEngine reader =
        Events.engine(new EventLog(store.connect())).gapTimeout(Duration.ofSeconds(30)).build();
    int[] commitSizes = {1, 2, 1, 3};
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

    List<String> bulk = new ArrayList<>();
    long loaded = 0;
    try {
      long next = 0;
      for (int size : commitSizes) { // each aggregate's next commit, seven aggregates a call
        for (int from = 0; from < 120; from += 7) {
          List<List<DomainEventMessage<?>>> batch = new ArrayList<>();
          for (int i = from; i < Math.min(120, from + 7); i++) {
            batch.add(commit("bulk-" + i, next, size));
            bulk.addAll(identifiers(batch.get(batch.size() - 1)));
          }
          loaded += appender.append(batch);
        }
        next += size;
      }
    } finally {
      loading.set(false);
    }
    appends.get(30, TimeUnit.SECONDS);
    tracking.get(30, TimeUnit.SECONDS);
    seen.addAll(track(reader, seen.isEmpty() ? null : seen.get(seen.size() - 1).trackingToken()));

    List<String> expected = new ArrayList<>(appended);
    expected.addAll(bulk);
    assertThat(identifiers(seen))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(loaded).isEqualTo(120 * 7);
    assertThat(indexes(seen))
        .containsExactlyElementsOf(LongStream.range(0, seen.size()).boxed().toList());
    Map<String, Long> nextSequence = new HashMap<>();
    for (TrackedEventMessage<?> event : seen) {
      DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
      long expectedSequence = nextSequence.getOrDefault(domain.getAggregateIdentifier(), 0L);
      assertThat(domain.getSequenceNumber())
          .as("sequence of %s", domain.getAggregateIdentifier())
          .isEqualTo(expectedSequence);
      nextSequence.put(domain.getAggregateIdentifier(), expectedSequence + 1);
    }
    assertThat(engine.lastEventIndex()).isEqualTo(seen.size() - 1);
    assertThat(stream(engine.readEvents("bulk-77"))).hasSize(7);
  }

  @Test
  void anAppendBetweenTwoBulkAppendsTakesTheIndexesBetweenThem() {
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
    BulkCommitAppender interrupted =
        new BulkCommitAppender(new EventLog(store.connect(appendBeforeTheSecondReservation)), JSON);
    List<DomainEventMessage<?>> a0 = commit("acc-a", 0, 1);
    List<DomainEventMessage<?>> b0 = commit("acc-b", 0, 2);
    List<DomainEventMessage<?>> a1 = commit("acc-a", 1, 1);

    interrupted.append(List.of(a0, b0));
    interrupted.append(List.of(a1));

    List<TrackedEventMessage<?>> tracked = track(engine, null);
    assertThat(indexes(tracked)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(identifiers(tracked))
        .isEqualTo(
            identifiers(
                List.of(a0.get(0), b0.get(0), b0.get(1), live.get(0), live.get(1), a1.get(0))));
  }

  @Test
  void aCommitWhoseIndexWasSealedBeforeItLandedMovesToFreshIndexes() {
    long next = new GlobalSequence(log).nextUnreserved();
    log.commits().insertOne(Commits.voidAt(next)); // a reader sealed it before the insert
    List<DomainEventMessage<?>> first = commit("acc-1", 0, 2);
    List<DomainEventMessage<?>> second = commit("acc-2", 0, 1);

    assertThat(appender.append(List.of(first, second))).isEqualTo(3);

    List<TrackedEventMessage<?>> tracked = track(engine, null);
    assertThat(identifiers(tracked))
        .isEqualTo(identifiers(List.of(second.get(0), first.get(0), first.get(1))));
    assertThat(index(tracked.get(0))).isEqualTo(next + 2); // the second kept its index
    assertThat(index(tracked.get(1))).isEqualTo(next + 3); // the first's commit moved after it
    Document abandoned = log.commits().find(new Document(EventLog.GLOBAL_INDEX, next + 1)).first();
    assertThat(Commits.isVoid(abandoned)).isTrue();
    assertThat(identifiers(stream(engine.readEvents("acc-1")))).isEqualTo(identifiers(first));
  }

  @Test
  void anAggregateThatExistsAlreadyIsNamedAsNotNew() {
    engine.appendEvents(commit("acc-1", 0, 1));

    appender.requireNew(List.of("acc-2", "acc-3"));
    assertThatThrownBy(() -> appender.requireNew(List.of("acc-2", "acc-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acc-1");
  }

  @Test
  void aMalformedBatchIsRefusedBeforeAnythingIsWritten() {
    List<DomainEventMessage<?>> mixed = new ArrayList<>(commit("acc-3", 0, 1));
    mixed.addAll(commit("acc-4", 1, 1));
    List<DomainEventMessage<?>> gap = new ArrayList<>(commit("acc-5", 0, 1));
    gap.addAll(commit("acc-5", 2, 1));
    long reserved = new GlobalSequence(log).nextUnreserved();

    for (List<List<DomainEventMessage<?>>> bad :
        List.of(
            List.of(commit("acc-1", 0, 1), commit("acc-1", 1, 1)), // one aggregate twice
            List.of(commit("acc-2", 0, 1), List.<DomainEventMessage<?>>of()),
            List.of(mixed),
            List.of(gap),
            List.of(commit("acc-6", 0, BulkCommitAppender.MAX_COMMIT_EVENTS + 1)))) {
      assertThatThrownBy(() -> appender.append(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(log.commits().countDocuments()).isZero();
    assertThat(new GlobalSequence(log).nextUnreserved()).isEqualTo(reserved);
  }

  @Test
  void aStoreNotInTheCurrentLayoutIsRefused() {
    try (TestStore fresh = TestStore.open()) {
      BulkCommitAppender unready = new BulkCommitAppender(fresh.eventLog(), JSON);

      assertThatThrownBy(() -> unready.append(List.of(commit("acc-1", 0, 1))))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
