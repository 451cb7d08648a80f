package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapshotTest extends StoreTest {

  /** Like an aggregate: state in private fields, no getters, a no-argument constructor. */
  static final class AccountState {
    private String accountId;
    private long balance;
    private Instant lastBooked;
    private List<String> owners;

    @SuppressWarnings("unused")
    private AccountState() {}

    AccountState(String accountId, long balance, Instant lastBooked, List<String> owners) {
      this.accountId = accountId;
      this.balance = balance;
      this.lastBooked = lastBooked;
      this.owners = owners;
    }
  }

  private CommitLogStorageEngine engine;

  @BeforeEach
  void engine() {
    engine = Events.engine(log).build();
  }

  private static DomainEventMessage<AccountState> snapshot(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>(
        Events.TYPE,
        aggregate,
        sequence,
        new AccountState(
            aggregate, sequence * 10, Events.T0.plusSeconds(sequence), List.of("ann")));
  }

  @Test
  void aSnapshotOfPrivateFieldsWithoutGettersReadsBackEqual() {
    engine.appendEvents(commit("acc-1", 0, 6));
    DomainEventMessage<AccountState> snapshot = snapshot("acc-1", 5);
    engine.storeSnapshot(snapshot);

    DomainEventMessage<?> read = engine.readSnapshot("acc-1").orElseThrow();

    assertThat(read.getSequenceNumber()).isEqualTo(5);
    assertThat(read.getAggregateIdentifier()).isEqualTo("acc-1");
    assertThat(read.getIdentifier()).isEqualTo(snapshot.getIdentifier());
    assertThat(read.getPayload()).usingRecursiveComparison().isEqualTo(snapshot.getPayload());
  }

  @Test
  void aNewerSnapshotReplacesTheOlderOne() {
    engine.appendEvents(commit("acc-1", 0, 9));
    engine.storeSnapshot(snapshot("acc-1", 3));
    engine.storeSnapshot(snapshot("acc-1", 8));

    assertThat(engine.readSnapshot("acc-1").orElseThrow().getSequenceNumber()).isEqualTo(8);
    assertThat(log.snapshots().countDocuments()).isEqualTo(1);
  }

  @Test
  void anOlderSnapshotDoesNotReplaceANewerOne() {
    engine.appendEvents(commit("acc-1", 0, 9));
    engine.storeSnapshot(snapshot("acc-1", 8));
    engine.storeSnapshot(snapshot("acc-1", 3));

    assertThat(engine.readSnapshot("acc-1").orElseThrow().getSequenceNumber()).isEqualTo(8);
  }

  @Test
  void anAggregateWithoutASnapshotHasNone() {
    engine.appendEvents(commit("acc-1", 0, 2));

    assertThat(engine.readSnapshot("acc-1")).isEmpty();
  }

  @Test
  void anAggregateLoadsFromItsSnapshotAndTheEventsAfterIt() {
    engine.appendEvents(commit("acc-1", 0, 4));
    engine.appendEvents(commit("acc-1", 4, 2));
    engine.storeSnapshot(snapshot("acc-1", 5));
    engine.appendEvents(commit("acc-1", 6, 3));
    EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    try {
      List<DomainEventMessage<?>> load = stream(eventStore.readEvents("acc-1"));

      assertThat(load)
          .extracting(DomainEventMessage::getSequenceNumber)
          .containsExactly(5L, 6L, 7L, 8L);
      assertThat(load.get(0).getPayload()).isInstanceOf(AccountState.class);
    } finally {
      eventStore.shutDown();
    }
  }

  @Test
  void theLastSequenceNumberIsTheSnapshotsWhenNothingFollowsIt() {
    engine.appendEvents(commit("acc-1", 0, 6));
    engine.storeSnapshot(snapshot("acc-1", 5));

    assertThat(engine.lastSequenceNumberFor("acc-1")).contains(5L);
  }

  @Test
  void theLastSequenceNumberCountsTheEventsAfterTheSnapshot() {
    engine.appendEvents(commit("acc-1", 0, 6));
    engine.storeSnapshot(snapshot("acc-1", 5));
    engine.appendEvents(commit("acc-1", 6, 1));
    engine.appendEvents(commit("acc-1", 7, 3));

    assertThat(engine.lastSequenceNumberFor("acc-1")).contains(9L);
  }
}
