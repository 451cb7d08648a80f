package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.onix.twofactor.benchmark.BulkEventLoader.History;
import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.EventLog;
import com.onix.twofactor.eventstore.LegacyLayoutMigration;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole histories of new aggregates loaded into a live store, round by round. */
class BulkEventLoaderTest {

  private static final Serializer JSON = JacksonSerializer.defaultSerializer();

  private MongoServer server;
  private MongoClient client;
  private EventLog log;
  private CommitLogStorageEngine engine;

  @BeforeEach
  void store() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    client =
        MongoClients.create(
            "mongodb://127.0.0.1:"
                + server.getLocalAddress().getPort()
                + "/?directConnection=true");
    log = new EventLog(client.getDatabase("bulk"));
    new LegacyLayoutMigration(log).run();
    engine =
        CommitLogStorageEngine.builder()
            .eventLog(log)
            .eventSerializer(JSON)
            .snapshotSerializer(JSON)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private static DomainEventMessage<?> event(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>(
        "OrganizationPolicy",
        aggregate,
        sequence,
        new PolicyEnabled(aggregate),
        Map.of(),
        UUID.randomUUID().toString(),
        Instant.parse("2026-12-01T10:00:00Z").plusSeconds(sequence));
  }

  /** A history of commits of the given sizes, numbered on from 0. */
  private static History history(String aggregate, int... commitSizes) {
    List<List<? extends DomainEventMessage<?>>> commits = new ArrayList<>();
    long next = 0;
    for (int size : commitSizes) {
      List<DomainEventMessage<?>> commit = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        commit.add(event(aggregate, next++));
      }
      commits.add(commit);
    }
    return new History(commits);
  }

  private List<String> trackedIdentifiers() {
    try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
      return events.map(EventMessage::getIdentifier).toList();
    }
  }

  private static List<String> identifiers(DomainEventMessage<?>... events) {
    return Stream.of(events).map(EventMessage::getIdentifier).toList();
  }

  private static DomainEventMessage<?> eventOf(History history, int commit, int index) {
    return history.commits().get(commit).get(index);
  }

  @Test
  void theHistoriesInterleaveRoundByRoundInTheGlobalOrder() {
    History a = history("acc-a", 2, 1);
    History b = history("acc-b", 1, 1, 2);

    assertThat(new BulkEventLoader(log, JSON, 500).append(List.of(a, b))).isEqualTo(7);

    assertThat(trackedIdentifiers())
        .isEqualTo(
            identifiers(
                eventOf(a, 0, 0),
                eventOf(a, 0, 1),
                eventOf(b, 0, 0), // round 0
                eventOf(a, 1, 0),
                eventOf(b, 1, 0), // round 1
                eventOf(b, 2, 0),
                eventOf(b, 2, 1))); // round 2
    assertThat(engine.readEvents("acc-b").asStream().map(EventMessage::getIdentifier))
        .containsExactlyElementsOf(
            identifiers(eventOf(b, 0, 0), eventOf(b, 1, 0), eventOf(b, 2, 0), eventOf(b, 2, 1)));
  }

  @Test
  void roundsSplitIntoSmallAppendsKeepEveryAggregatesOrder() {
    List<History> histories = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      histories.add(history("acc-" + i, 1 + i % 3, 2));
    }

    long loaded = new BulkEventLoader(log, JSON, 7).append(histories);

    assertThat(loaded).isEqualTo(histories.stream().mapToInt(History::eventCount).sum());
    assertThat(trackedIdentifiers()).hasSize((int) loaded);
    for (History history : histories) {
      List<String> expected = new ArrayList<>();
      history.commits().forEach(commit -> commit.forEach(e -> expected.add(e.getIdentifier())));
      assertThat(
              engine
                  .readEvents(history.commits().get(0).get(0).getAggregateIdentifier())
                  .asStream()
                  .map(EventMessage::getIdentifier))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aMalformedHistoryOrOneOfAnAggregateThatExistsIsRefusedBeforeAnythingIsWritten() {
    BulkEventLoader loader = new BulkEventLoader(log, JSON, 500);
    engine.appendEvents(event("acc-0", 0));
    History gap = new History(List.of(List.of(event("acc-1", 0)), List.of(event("acc-1", 2))));
    History late = new History(List.of(List.of(event("acc-2", 1))));
    History mixed = new History(List.of(List.of(event("acc-3", 0)), List.of(event("acc-4", 1))));
    History twice = history("acc-5", 1);
    History existing = history("acc-0", 1);

    for (List<History> bad :
        List.of(
            List.of(gap),
            List.of(late),
            List.of(mixed),
            List.of(twice, twice),
            List.of(history("acc-6", 1), existing))) {
      assertThatThrownBy(() -> loader.append(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(trackedIdentifiers()).hasSize(1);
  }
}
