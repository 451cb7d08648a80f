package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.JSON;
import static com.onix.twofactor.eventstore.Events.at;
import static com.onix.twofactor.eventstore.Events.commit;
import static com.onix.twofactor.eventstore.Events.stream;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine asks the store: only lookups the embedded server answers from an index (see
 * docs/design.md, "The store"), and only about as many documents as it hands back.
 */
class ReadCostTest extends StoreTest {

  private static final Set<String> OUR_COLLECTIONS =
      Set.of(EventLog.COMMITS, EventLog.SNAPSHOTS, EventLog.CONTROL);
  private static final Set<Set<String>> INDEXED_KEYS =
      Set.of(Set.of("_id"), Set.of(EventLog.GLOBAL_INDEX));

  private final Recorder recorder = new Recorder();
  private final AtomicLong clock = new AtomicLong();
  private CommitLogStorageEngine engine;

  @BeforeEach
  void engine() {
    engine = Events.engine(new EventLog(store.connect(recorder)), clock, Duration.ofSeconds(1));
  }

  @Test
  void everyQueryTheEngineSendsIsAnEqualityOrInOnIdOrTheGlobalIndex() {
    engine.appendEvents(commit("acc-1", 0, 3));
    engine.appendEvents(commit("acc-2", 0, 1));
    engine.appendEvents(commit("acc-1", 3, 2));
    assertThatThrownBy(() -> engine.appendEvents(commit("acc-1", 3, 1)))
        .isInstanceOf(ConcurrencyException.class);
    new GlobalSequence(log).reserve(1); // a gap, sealed below
    engine.appendEvents(commit("acc-3", 0, 1));
    engine.storeSnapshot(new GenericDomainEventMessage<>(Events.TYPE, "acc-1", 3, "state"));
    engine.storeSnapshot(new GenericDomainEventMessage<>(Events.TYPE, "acc-1", 2, "older"));
    stream(engine.readEvents("acc-1"));
    stream(engine.readEvents("acc-1", 4));
    stream(engine.readEvents("acc-1", 5));
    engine.readSnapshot("acc-1");
    engine.lastSequenceNumberFor("acc-1");
    engine.lastSequenceNumberFor("acc-9");
    engine.hasEventsAfter("acc-1", 3);
    track(engine, null);
    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    track(engine, at(1));
    track(engine, at(7));
    engine.createHeadToken();
    engine.createTokenAt(Events.T0.plusMillis(10));
    engine.lastEventIndex();

    assertThat(recorder.commandNames())
        .isSubsetOf(Set.of("find", "getMore", "insert", "findAndModify", "update"))
        .contains("find", "insert", "findAndModify", "update");
    assertThat(recorder.commands).allSatisfy(ReadCostTest::answerableFromAnIndex);
  }

  private static void answerableFromAnIndex(BsonDocument command) {
    String name = command.getFirstKey();
    String collection = command.get(name).isString() ? command.getString(name).getValue() : "";
    if (!OUR_COLLECTIONS.contains(collection)) {
      return;
    }
    List<BsonDocument> filters = new ArrayList<>();
    switch (name) {
      case "find" -> {
        filters.add(command.getDocument("filter", new BsonDocument()));
        assertThat(command.containsKey("sort")).as("sorted: %s", command.toJson()).isFalse();
        assertThat(command.containsKey("skip")).as("skips: %s", command.toJson()).isFalse();
      }
      case "findAndModify" -> filters.add(command.getDocument("query"));
      case "update" ->
          command.getArray("updates").forEach(u -> filters.add(u.asDocument().getDocument("q")));
      default -> {}
    }
    for (BsonDocument filter : filters) {
      assertThat(INDEXED_KEYS).as("keys of %s", filter.toJson()).contains(filter.keySet());
      BsonValue value = filter.values().iterator().next();
      if (value.isDocument()) {
        assertThat(value.asDocument().keySet()).as(filter.toJson()).containsExactly("$in");
      }
    }
  }

  @Test
  void loadingAnAggregateReadsOnlyItsSnapshotAndTheCommitsAfterIt() {
    fillWithOtherAggregates(300);
    for (long sequence = 0; sequence < 40; sequence++) {
      engine.appendEvents(commit("acc-1", sequence, 1));
    }
    engine.storeSnapshot(new GenericDomainEventMessage<>(Events.TYPE, "acc-1", 37, "state"));
    EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    recorder.reset();
    try {
      assertThat(stream(eventStore.readEvents("acc-1"))).hasSize(3);
    } finally {
      eventStore.shutDown();
    }

    assertThat(recorder.returned(EventLog.SNAPSHOTS)).isEqualTo(1);
    assertThat(recorder.returned(EventLog.COMMITS)).isEqualTo(2);
  }

  @Test
  void aTrackingBatchReadsAboutABatchOfDocumentsWhateverTheStoresSize() {
    fillWithOtherAggregates(600);
    recorder.reset();

    assertThat(engine.fetchTrackedEvents(at(300), 10)).hasSize(10);

    assertThat(recorder.returned(EventLog.COMMITS)).isLessThanOrEqualTo(3 * 16);
  }

  private void fillWithOtherAggregates(int count) {
    List<Document> commits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      commits.add(Commits.commit(i, commit("other-" + i, 0, 1), JSON));
    }
    log.commits().insertMany(commits);
    new GlobalSequence(log).advanceTo(count);
  }

  /** Every command sent on the engine's connection, and how many documents came back. */
  static final class Recorder implements CommandListener {
    final List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> returned = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
      commands.add(BsonDocument.parse(event.getCommand().toJson()));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
      BsonDocument cursor = event.getResponse().getDocument("cursor", null);
      if (cursor == null) {
        return;
      }
      String namespace = cursor.getString("ns").getValue();
      String collection = namespace.substring(namespace.indexOf('.') + 1);
      int count =
          cursor.containsKey("firstBatch")
              ? cursor.getArray("firstBatch").size()
              : cursor.getArray("nextBatch").size();
      returned.computeIfAbsent(collection, c -> new AtomicInteger()).addAndGet(count);
    }

    Set<String> commandNames() {
      Set<String> names = new java.util.HashSet<>();
      synchronized (commands) {
        commands.forEach(c -> names.add(c.getFirstKey()));
      }
      return names;
    }

    int returned(String collection) {
      AtomicInteger count = returned.get(collection);
      return count == null ? 0 : count.get();
    }

    void reset() {
      commands.clear();
      returned.clear();
    }
  }
}
