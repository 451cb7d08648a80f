package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.at;
import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.eventAt;
import static com.onix.twofactor.eventstore.Events.indexes;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenTest extends StoreTest {

  private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");

  private CommitLogStorageEngine engine;

  @BeforeEach
  void engine() {
    engine = Events.engine(log).build();
  }

  /** Commits at 09:00 (indexes 0-1), 09:10 (2) and 09:20 (3-5). */
  private void threeCommitsTenMinutesApart() {
    engine.appendEvents(
        List.of(eventAt("acc-1", 0, NINE), eventAt("acc-1", 1, NINE.plusSeconds(1))));
    engine.appendEvents(eventAt("acc-2", 0, NINE.plusSeconds(600)));
    engine.appendEvents(
        List.of(
            eventAt("acc-1", 2, NINE.plusSeconds(1200)),
            eventAt("acc-1", 3, NINE.plusSeconds(1201)),
            eventAt("acc-1", 4, NINE.plusSeconds(1202))));
  }

  @Test
  void theTailTokenIsNullAndReadsFromTheFirstEvent() {
    engine.appendEvents(commit("acc-1", 0, 2));

    assertThat(engine.createTailToken()).isNull();
    assertThat(indexes(track(engine, engine.createTailToken()))).containsExactly(0L, 1L);
  }

  @Test
  void theHeadTokenOfAnEmptyStoreIsNull() {
    assertThat(engine.createHeadToken()).isNull();
  }

  @Test
  void theHeadTokenIsTheNewestEventSoReadingFromItDeliversOnlyLaterEvents() {
    engine.appendEvents(commit("acc-1", 0, 3));

    assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
    engine.appendEvents(commit("acc-1", 3, 1));
    assertThat(indexes(track(engine, at(2)))).containsExactly(3L);
  }

  @Test
  void aTokenAtATimeDeliversTheFirstCommitStoredAtOrAfterIt() {
    threeCommitsTenMinutesApart();

    assertThat(indexes(track(engine, engine.createTokenAt(NINE.plusSeconds(600)))))
        .containsExactly(2L, 3L, 4L, 5L);
    assertThat(indexes(track(engine, engine.createTokenAt(NINE.plusSeconds(601)))))
        .containsExactly(3L, 4L, 5L);
  }

  @Test
  void aTokenAtATimeBeforeEveryEventIsTheTail() {
    threeCommitsTenMinutesApart();

    assertThat(engine.createTokenAt(NINE)).isNull();
    assertThat(engine.createTokenAt(NINE.minusSeconds(3600))).isNull();
  }

  @Test
  void aTokenAtATimeAfterEveryEventIsTheHead() {
    threeCommitsTenMinutesApart();

    assertThat(engine.createTokenAt(NINE.plusSeconds(3600)))
        .isEqualTo(new GlobalSequenceTrackingToken(5));
  }

  @Test
  void aTokenAtATimeSkipsVoids() {
    engine.appendEvents(eventAt("acc-1", 0, NINE));
    assertThatThrownBy(() -> engine.appendEvents(commit("acc-1", 0, 3)))
        .isInstanceOf(AggregateStreamCreationException.class);
    engine.appendEvents(eventAt("acc-2", 0, NINE.plusSeconds(60)));

    assertThat(indexes(track(engine, engine.createTokenAt(NINE.plusSeconds(30)))))
        .containsExactly(4L);
  }

  @Test
  void theLastEventIndexOfAnEmptyStoreIsMinusOne() {
    assertThat(engine.lastEventIndex()).isEqualTo(-1);
  }

  @Test
  void theLastEventIndexIsTheNewestEventsOfAMultiEventCommit() {
    engine.appendEvents(commit("acc-1", 0, 1));
    engine.appendEvents(commit("acc-1", 1, 4));

    assertThat(engine.lastEventIndex()).isEqualTo(4);
  }

  @Test
  void theLastEventIndexIgnoresTrailingVoidsAndReservationsStillBeingWritten() {
    engine.appendEvents(commit("acc-1", 0, 3));
    assertThatThrownBy(() -> engine.appendEvents(commit("acc-1", 0, 2)))
        .isInstanceOf(AggregateStreamCreationException.class);
    new GlobalSequence(log).reserve(2);

    assertThat(engine.lastEventIndex()).isEqualTo(2);
  }

  @Test
  void aTokenOfAnotherKindIsRefused() {
    engine.appendEvents(commit("acc-1", 0, 3));
    GapAwareTrackingToken foreign = GapAwareTrackingToken.newInstance(1, Set.of());

    assertThatThrownBy(() -> track(engine, foreign)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStoreNotMarkedReadyDeliversNoEventsUntilItIs() {
    engine.appendEvents(commit("acc-1", 0, 2));
    log.control().deleteOne(new Document("_id", "layout"));
    CommitLogStorageEngine waiting = Events.engine(log).build();

    assertThat(track(waiting, null)).isEmpty();
    new StoreLayout(log).mark("ready", "test");
    assertThat(indexes(track(waiting, null))).containsExactly(0L, 1L);
  }
}
