package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.identifiers;
import static com.onix.twofactor.eventstore.Events.indexes;
import static com.onix.twofactor.eventstore.Events.stream;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two command-side instances, each with its own engine and connection, racing for a version. */
class ConflictTest extends StoreTest {

  private CommitLogStorageEngine first;
  private CommitLogStorageEngine second;

  @BeforeEach
  void twoInstances() {
    first = Events.engine(new EventLog(store.connect())).build();
    second = Events.engine(new EventLog(store.connect())).build();
  }

  @Test
  void twoAppendsOfTheSameAggregateVersionLetTheFirstWinAndRefuseTheSecondAsAConflict() {
    first.appendEvents(commit("acc-1", 0, 1));
    List<DomainEventMessage<?>> winner = commit("acc-1", 1, 2);
    first.appendEvents(winner);

    assertThatThrownBy(() -> second.appendEvents(commit("acc-1", 1, 1)))
        .isInstanceOf(ConcurrencyException.class);

    assertThat(identifiers(stream(second.readEvents("acc-1", 1)))).isEqualTo(identifiers(winner));
  }

  @Test
  void theOperatorsSeeEveryAppendAndEveryConflictCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CommitLogStorageEngine observed =
        Events.engine(new EventLog(store.connect())).metrics(new EventStoreMetrics(meters)).build();
    first.appendEvents(commit("acc-1", 0, 1));
    first.appendEvents(commit("acc-1", 1, 1));
    observed.appendEvents(commit("acc-2", 0, 3));

    assertThatThrownBy(() -> observed.appendEvents(commit("acc-1", 1, 1)))
        .isInstanceOf(ConcurrencyException.class);

    assertThat(meters.get("onix.event_store.appends").timer().count()).isEqualTo(1);
    assertThat(meters.get("onix.event_store.events_appended").counter().count()).isEqualTo(3);
    assertThat(meters.get("onix.event_store.conflicts").counter().count()).isEqualTo(1);
  }

  @Test
  void twoCreationsOfOneAggregateRefuseTheSecondAsAStreamCreationConflict() {
    first.appendEvents(commit("acc-1", 0, 1));

    assertThatThrownBy(() -> second.appendEvents(commit("acc-1", 0, 2)))
        .isInstanceOf(AggregateStreamCreationException.class);
  }

  @Test
  void aLosingCommitLeavesNoneOfItsEventsBehind() {
    first.appendEvents(commit("acc-1", 0, 2));
    List<DomainEventMessage<?>> winner = commit("acc-1", 2, 1);
    first.appendEvents(winner);
    List<DomainEventMessage<?>> loser = commit("acc-1", 2, 4);

    assertThatThrownBy(() -> second.appendEvents(loser)).isInstanceOf(ConcurrencyException.class);

    assertThat(stream(first.readEvents("acc-1")))
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(0L, 1L, 2L);
    assertThat(first.lastSequenceNumberFor("acc-1")).contains(2L);
    assertThat(log.commits().countDocuments(new Document("_id", Commits.id("acc-1", 3)))).isZero();
    for (String loserEvent : identifiers(loser)) {
      assertThat(log.commits().countDocuments(new Document("events.eventIdentifier", loserEvent)))
          .isZero();
    }
  }

  @Test
  void aLosingCommitVoidsTheIndexesItReservedSoReadersNeedNotWaitForThem() {
    AtomicLong clock = new AtomicLong();
    CommitLogStorageEngine reader = Events.engine(log, clock, Duration.ofDays(1));
    first.appendEvents(commit("acc-1", 0, 1));
    assertThatThrownBy(() -> second.appendEvents(commit("acc-1", 0, 3)))
        .isInstanceOf(AggregateStreamCreationException.class);
    first.appendEvents(commit("acc-2", 0, 1));

    // the clock never moves: without the voids the reader would stop at index 1 for a day
    assertThat(indexes(track(reader, null))).containsExactly(0L, 4L);
  }

  @Test
  void aConflictOnTheSecondAggregateOfAUnitOfWorkKeepsTheFirstAggregatesCommitWhole() {
    second.appendEvents(commit("acc-2", 0, 1));
    List<DomainEventMessage<?>> events = new java.util.ArrayList<>(commit("acc-1", 0, 2));
    events.addAll(commit("acc-2", 0, 2));

    assertThatThrownBy(() -> first.appendEvents(events))
        .isInstanceOf(AggregateStreamCreationException.class);

    // the store has no transactions: each commit is whole, the unit of work is not
    assertThat(stream(first.readEvents("acc-1"))).hasSize(2);
    assertThat(stream(first.readEvents("acc-2"))).hasSize(1);
  }
}
