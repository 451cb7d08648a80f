package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.at;
import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.identifiers;
import static com.onix.twofactor.eventstore.Events.indexes;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackingOrderTest extends StoreTest {

  private CommitLogStorageEngine engine;
  private final List<EventMessage<?>> appended = new ArrayList<>();

  @BeforeEach
  void engine() {
    engine = Events.engine(log).build();
  }

  private void append(List<? extends EventMessage<?>> events) {
    engine.appendEvents(events);
    appended.addAll(events);
  }

  @Test
  void aTrackingReadDeliversEveryEventInGlobalOrderWithConsecutiveIndexes() {
    append(commit("acc-1", 0, 3));
    append(commit("acc-2", 0, 1));
    append(commit("acc-1", 3, 2));
    append(commit("acc-3", 0, 4));

    List<TrackedEventMessage<?>> tracked = track(engine, null);

    assertThat(indexes(tracked)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(identifiers(tracked)).isEqualTo(identifiers(appended));
  }

  @Test
  void aTrackedEventIsADomainEventWithItsAggregateSequenceAndPayload() {
    append(commit("acc-1", 0, 2));

    TrackedEventMessage<?> second = track(engine, null).get(1);

    assertThat(second).isInstanceOf(DomainEventMessage.class);
    DomainEventMessage<?> domain = (DomainEventMessage<?>) second;
    assertThat(domain.getAggregateIdentifier()).isEqualTo("acc-1");
    assertThat(domain.getSequenceNumber()).isEqualTo(1);
    assertThat(domain.getPayload()).isEqualTo(appended.get(1).getPayload());
    assertThat(domain.getMetaData()).isEqualTo(appended.get(1).getMetaData());
    assertThat(domain.getTimestamp()).isEqualTo(appended.get(1).getTimestamp());
  }

  @Test
  void aBatchHoldsWholeCommitsEvenWhenThatExceedsTheBatchSize() {
    append(commit("acc-1", 0, 5));
    append(commit("acc-2", 0, 1));

    assertThat(engine.fetchTrackedEvents(null, 2)).hasSize(5);
  }

  @Test
  void resumingFromATokenInsideACommitDeliversTheRestOfThatCommitOnce() {
    append(commit("acc-1", 0, 5));
    append(commit("acc-2", 0, 2));
    track(engine, null);

    assertThat(indexes(track(engine, at(2)))).containsExactly(3L, 4L, 5L, 6L);
  }

  @Test
  void anotherInstanceResumingFromInsideACommitDeliversTheRestOfThatCommitOnce() {
    append(commit("acc-1", 0, 20));
    append(commit("acc-2", 0, 2));
    CommitLogStorageEngine restarted = Events.engine(new EventLog(store.connect())).build();

    List<TrackedEventMessage<?>> rest = track(restarted, at(17));

    assertThat(indexes(rest)).containsExactly(18L, 19L, 20L, 21L);
    assertThat(identifiers(rest)).isEqualTo(identifiers(appended.subList(18, 22)));
  }

  @Test
  void resumingFromTheLastEventOfACommitStartsWithTheNextCommit() {
    append(commit("acc-1", 0, 3));
    append(commit("acc-2", 0, 2));
    CommitLogStorageEngine restarted = Events.engine(log).build();

    assertThat(indexes(track(restarted, at(2)))).containsExactly(3L, 4L);
  }

  @Test
  void readingAgainFromTheLastTokenDeliversOnlyWhatWasAppendedSince() {
    append(commit("acc-1", 0, 3));
    List<TrackedEventMessage<?>> first = track(engine, null);
    append(commit("acc-1", 3, 2));

    assertThat(indexes(track(engine, first.get(2).trackingToken()))).containsExactly(3L, 4L);
    assertThat(track(engine, at(4))).isEmpty();
  }

  @Test
  void anEventOfNoAggregateIsTrackedAsAPlainEvent() {
    append(commit("acc-1", 0, 1));
    EventMessage<?> notice = GenericEventMessage.asEventMessage(new Events.Closed("maintenance"));
    append(List.of(notice));

    TrackedEventMessage<?> tracked = track(engine, at(0)).get(0);

    assertThat(tracked.getIdentifier()).isEqualTo(notice.getIdentifier());
    assertThat(tracked.getPayload()).isEqualTo(new Events.Closed("maintenance"));
  }

  @Test
  void aLongLogIsReadToItsEndInBatches() {
    CommitLogStorageEngine.Builder builder = Events.engine(log);
    builder.batchSize(7);
    CommitLogStorageEngine smallBatches = builder.build();
    for (int aggregate = 0; aggregate < 30; aggregate++) {
      append(commit("acc-" + aggregate, 0, 1 + aggregate % 4));
    }

    List<TrackedEventMessage<?>> tracked = track(smallBatches, null);

    assertThat(identifiers(tracked)).isEqualTo(identifiers(appended));
    assertThat(indexes(tracked))
        .isEqualTo(java.util.stream.LongStream.range(0, appended.size()).boxed().toList());
  }
}
