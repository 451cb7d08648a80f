package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.JSON;
import static com.onix.twofactor.eventstore.Events.at;
import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.identifiers;
import static com.onix.twofactor.eventstore.Events.indexes;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader meets an index that a writer reserved and has not inserted yet: it waits, and after the
 * gap timeout seals the index and goes on.
 */
class GapTest extends StoreTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final AtomicLong clock = new AtomicLong();
  private CommitLogStorageEngine writer;
  private CommitLogStorageEngine reader;

  @BeforeEach
  void engines() {
    writer = Events.engine(log).build();
    reader = Events.engine(new EventLog(store.connect()), clock, TIMEOUT);
  }

  /** Index 0 stored, index 1 reserved by a writer still at work, index 2 stored. */
  private long gapAfterOneCommit() {
    writer.appendEvents(commit("acc-1", 0, 1));
    long reserved = new GlobalSequence(log).reserve(1);
    writer.appendEvents(commit("acc-2", 0, 1));
    return reserved;
  }

  private Document atIndex(long index) {
    return log.commits().find(new Document(EventLog.GLOBAL_INDEX, index)).first();
  }

  @Test
  void aReservedButMissingIndexStopsTheReaderBeforeIt() {
    gapAfterOneCommit();

    assertThat(indexes(track(reader, null))).containsExactly(0L);
    assertThat(track(reader, at(0))).isEmpty();
  }

  @Test
  void aMissingIndexIsNotSealedBeforeTheGapTimeoutHasPassed() {
    long gap = gapAfterOneCommit();
    track(reader, null);
    clock.addAndGet(TIMEOUT.toNanos() - 1);

    assertThat(track(reader, at(0))).isEmpty();
    assertThat(atIndex(gap)).isNull();
  }

  @Test
  void aMissingIndexIsSealedOnceTheGapTimeoutHasPassedAndTheReaderGoesOn() {
    long gap = gapAfterOneCommit();
    track(reader, null);
    clock.addAndGet(TIMEOUT.toNanos());

    assertThat(indexes(track(reader, at(0)))).containsExactly(2L);
    assertThat(Commits.isVoid(atIndex(gap))).isTrue();
  }

  @Test
  void aReservedIndexFilledWithinTheTimeoutIsDeliveredInItsPlace() {
    long gap = gapAfterOneCommit();
    track(reader, null);
    List<DomainEventMessage<?>> late = commit("acc-3", 0, 1);
    log.commits().insertOne(Commits.commit(gap, late, JSON)); // the slow writer's insert lands

    List<TrackedEventMessage<?>> rest = track(reader, at(0));

    assertThat(indexes(rest)).containsExactly(1L, 2L);
    assertThat(rest.get(0).getIdentifier()).isEqualTo(late.get(0).getIdentifier());
  }

  @Test
  void theHeadOfTheLogIsNotAGapAndIsNeverSealed() {
    writer.appendEvents(commit("acc-1", 0, 1));
    track(reader, null);
    clock.addAndGet(TIMEOUT.toNanos() * 10);

    assertThat(track(reader, at(0))).isEmpty();
    assertThat(log.commits().countDocuments()).isEqualTo(1);
    writer.appendEvents(commit("acc-1", 1, 1));
    assertThat(indexes(track(reader, at(0)))).containsExactly(1L);
  }

  @Test
  void aWriterFindingItsReservedIndexSealedStoresItsCommitUnderFreshIndexes() {
    writer.appendEvents(commit("acc-1", 0, 1));
    long next = new GlobalSequence(log).nextUnreserved();
    log.commits().insertOne(Commits.voidAt(next)); // a reader sealed it before the insert
    List<DomainEventMessage<?>> slow = commit("acc-2", 0, 2);

    writer.appendEvents(slow);

    List<TrackedEventMessage<?>> tracked = track(reader, null);
    assertThat(identifiers(tracked.subList(1, 3))).isEqualTo(identifiers(slow));
    long moved = Events.index(tracked.get(1));
    assertThat(moved).isGreaterThan(next);
    assertThat(Events.index(tracked.get(2))).isEqualTo(moved + 1);
    for (long index = next; index < moved; index++) {
      assertThat(Commits.isVoid(atIndex(index))).isTrue(); // the abandoned reservation
    }
  }

  @Test
  void aUnitOfWorkWhoseSecondCommitsIndexWasSealedKeepsTheFirstAndMovesTheSecond() {
    long next = new GlobalSequence(log).nextUnreserved();
    log.commits().insertOne(Commits.voidAt(next + 2));
    List<EventMessage<?>> unitOfWork = new ArrayList<>(commit("acc-1", 0, 2));
    unitOfWork.addAll(commit("acc-2", 0, 1));

    writer.appendEvents(unitOfWork);

    List<TrackedEventMessage<?>> tracked = track(reader, null);
    assertThat(indexes(tracked)).containsExactly(next, next + 1, next + 3);
    assertThat(identifiers(tracked)).isEqualTo(identifiers(unitOfWork));
    assertThat(writer.lastSequenceNumberFor("acc-2")).contains(0L);
  }

  @Test
  void aSlowWriterWhoseIndexWasSealedMeanwhileIsSeenExactlyOnceUnderANewIndex() throws Exception {
    PausedInsert pause = new PausedInsert("slow-1");
    CommitLogStorageEngine slowWriter = Events.engine(new EventLog(store.connect(pause))).build();
    writer.appendEvents(commit("acc-1", 0, 1));
    List<DomainEventMessage<?>> slow = commit("slow-1", 0, 2);
    CompletableFuture<Void> appending =
        CompletableFuture.runAsync(() -> slowWriter.appendEvents(slow));
    assertThat(pause.reached.await(60, TimeUnit.SECONDS)).isTrue();
    writer.appendEvents(commit("acc-2", 0, 1));

    List<TrackedEventMessage<?>> seen = new ArrayList<>(track(reader, null));
    clock.addAndGet(TIMEOUT.toNanos());
    seen.addAll(track(reader, seen.get(seen.size() - 1).trackingToken()));
    pause.release.countDown();
    appending.get(60, TimeUnit.SECONDS);
    seen.addAll(track(reader, seen.get(seen.size() - 1).trackingToken()));

    assertThat(indexes(seen)).containsExactly(0L, 3L, 4L, 5L);
    assertThat(identifiers(seen.subList(2, 4))).isEqualTo(identifiers(slow));
    assertThat(Commits.isVoid(atIndex(1))).isTrue();
    assertThat(writer.readEvents("slow-1").asStream().count()).isEqualTo(2);
  }

  @Test
  void aGapIsSealedAfterItsTimeoutEvenWhileAnotherReaderOfTheEngineReadsBeyondIt() {
    gapAfterOneCommit();
    writer.appendEvents(commit("acc-3", 0, 1));
    long half = TIMEOUT.toNanos() / 2 + 1;

    assertThat(indexes(track(reader, null))).containsExactly(0L);
    clock.addAndGet(half);
    track(reader, at(2)); // e.g. a processor that started from a head token
    clock.addAndGet(half);

    assertThat(indexes(track(reader, at(0)))).containsExactly(2L, 3L);
  }

  /** Holds the first insert of one aggregate's commit until released, as a slow writer would. */
  static final class PausedInsert implements CommandListener {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final String aggregate;
    private final AtomicBoolean paused = new AtomicBoolean();

    PausedInsert(String aggregate) {
      this.aggregate = aggregate;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
      if (event.getCommandName().equals("insert")
          && inserts(event.getCommand())
          && paused.compareAndSet(false, true)) {
        reached.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private boolean inserts(BsonDocument command) {
      if (!command.containsKey("documents")) {
        return false;
      }
      for (BsonValue document : command.getArray("documents")) {
        BsonValue id = document.asDocument().get(Commits.AGGREGATE);
        if (id != null && id.isString() && id.asString().getValue().equals(aggregate)) {
          return true;
        }
      }
      return false;
    }
  }
}
