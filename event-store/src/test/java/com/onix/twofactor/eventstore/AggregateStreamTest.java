package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.deposit;
import static com.onix.twofactor.eventstore.Events.event;
import static com.onix.twofactor.eventstore.Events.identifiers;
import static com.onix.twofactor.eventstore.Events.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregateStreamTest extends StoreTest {

  private CommitLogStorageEngine engine;

  @BeforeEach
  void engine() {
    engine = Events.engine(log).build();
  }

  @Test
  void anAppendedEventReadsBackWithItsIdentifierPayloadMetadataTimestampAndSequence() {
    DomainEventMessage<?> opened = event("acc-1", 0, new Events.Opened("ann"));
    DomainEventMessage<?> deposited = deposit("acc-1", 1);
    engine.appendEvents(opened);
    engine.appendEvents(deposited);

    List<DomainEventMessage<?>> read = stream(engine.readEvents("acc-1"));

    assertThat(read).hasSize(2);
    for (int i = 0; i < 2; i++) {
      DomainEventMessage<?> original = List.of(opened, deposited).get(i);
      DomainEventMessage<?> back = read.get(i);
      assertThat(back.getIdentifier()).isEqualTo(original.getIdentifier());
      assertThat(back.getPayload()).isEqualTo(original.getPayload());
      assertThat(back.getMetaData()).isEqualTo(original.getMetaData());
      assertThat(back.getTimestamp()).isEqualTo(original.getTimestamp());
      assertThat(back.getSequenceNumber()).isEqualTo(original.getSequenceNumber());
      assertThat(back.getAggregateIdentifier()).isEqualTo("acc-1");
      assertThat(back.getType()).isEqualTo(Events.TYPE);
    }
  }

  @Test
  void theEventsOfOneUnitOfWorkOnOneAggregateAreStoredAsOneCommitAndReadBackWhole() {
    List<DomainEventMessage<?>> events = commit("acc-1", 0, 5);
    engine.appendEvents(events);

    assertThat(log.commits().countDocuments()).isEqualTo(1);
    assertThat(identifiers(stream(engine.readEvents("acc-1")))).isEqualTo(identifiers(events));
  }

  @Test
  void aUnitOfWorkOnTwoAggregatesStoresOneCommitForEach() {
    List<EventMessage<?>> events = new ArrayList<>();
    events.addAll(commit("acc-1", 0, 2));
    events.addAll(commit("acc-2", 0, 3));
    engine.appendEvents(events);

    assertThat(log.commits().countDocuments()).isEqualTo(2);
    assertThat(stream(engine.readEvents("acc-1"))).hasSize(2);
    assertThat(stream(engine.readEvents("acc-2"))).hasSize(3);
  }

  @Test
  void aStreamOfManyCommitsOfMixedSizesReadsInSequenceOrderAcrossBatches() {
    CommitLogStorageEngine.Builder builder = Events.engine(log);
    builder.batchSize(5);
    CommitLogStorageEngine smallBatches = builder.build();
    List<DomainEventMessage<?>> appended = new ArrayList<>();
    long next = 0;
    for (int size : new int[] {1, 3, 1, 1, 7, 2, 1, 16, 1, 20, 4, 1, 1, 1, 1, 1, 1, 1, 1, 2}) {
      List<DomainEventMessage<?>> events = commit("acc-1", next, size);
      smallBatches.appendEvents(events);
      appended.addAll(events);
      next += size;
    }

    List<DomainEventMessage<?>> read = stream(smallBatches.readEvents("acc-1"));

    assertThat(read)
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactlyElementsOf(LongStream.range(0, next).boxed().toList());
    assertThat(identifiers(read)).isEqualTo(identifiers(appended));
  }

  @Test
  void readingFromASequenceNumberInsideACommitStartsAtThatEvent() {
    engine.appendEvents(commit("acc-1", 0, 2));
    engine.appendEvents(commit("acc-1", 2, 5));

    assertThat(stream(engine.readEvents("acc-1", 4)))
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(4L, 5L, 6L);
  }

  @Test
  void readingFromInsideACommitOfMoreThanSixteenEventsFindsTheRestOfIt() {
    engine.appendEvents(commit("acc-1", 0, 40));

    assertThat(stream(engine.readEvents("acc-1", 30)))
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactlyElementsOf(LongStream.range(30, 40).boxed().toList());
  }

  @Test
  void readingPastTheEndOfAStreamFindsNothing() {
    engine.appendEvents(commit("acc-1", 0, 3));

    assertThat(stream(engine.readEvents("acc-1", 3))).isEmpty();
  }

  @Test
  void anUnknownAggregateHasNoEventsAndNoLastSequenceNumber() {
    engine.appendEvents(commit("acc-1", 0, 3));

    assertThat(stream(engine.readEvents("acc-2"))).isEmpty();
    assertThat(engine.lastSequenceNumberFor("acc-2")).isEmpty();
  }

  @Test
  void theLastSequenceNumberIsThatOfTheNewestEvent() {
    engine.appendEvents(commit("acc-1", 0, 3));
    engine.appendEvents(commit("acc-1", 3, 1));
    engine.appendEvents(commit("acc-1", 4, 20));

    assertThat(engine.lastSequenceNumberFor("acc-1")).contains(23L);
  }

  @Test
  void hasEventsAfterTellsWhetherAnythingFollowsAVersion() {
    engine.appendEvents(commit("acc-1", 0, 2));
    engine.appendEvents(commit("acc-1", 2, 3));

    assertThat(engine.hasEventsAfter("acc-1", 1)).isTrue();
    assertThat(engine.hasEventsAfter("acc-1", 4)).isFalse();
    assertThat(engine.hasEventsAfter("acc-2", -1)).isFalse();
    assertThat(engine.hasEventsAfter("acc-1", -1)).isTrue();
  }

  @Test
  void aUnitOfWorkAppendingMoreThanTheCommitLimitToOneAggregateIsRefusedWhole() {
    assertThatThrownBy(
            () -> engine.appendEvents(commit("acc-1", 0, CommitAppender.MAX_COMMIT_EVENTS + 1)))
        .isInstanceOf(EventStoreException.class);

    assertThat(log.commits().countDocuments()).isZero();
    assertThat(new GlobalSequence(log).nextUnreserved()).isZero(); // no position was reserved
  }
}
