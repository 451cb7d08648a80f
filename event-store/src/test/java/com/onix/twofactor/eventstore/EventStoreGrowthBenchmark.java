package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The event store as the store grows, on the embedded MongoDB-protocol server (memory backend),
 * with aggregates of 10 events: reading one aggregate, appending one event, and a tracking read
 * from the start, at 10,000, 100,000 and 1,000,000 events stored. Prints a table with each figure's
 * ratio to its value at 10,000; it asserts nothing about time. Run it with the README's benchmark
 * command.
 */
@Tag("benchmark")
class EventStoreGrowthBenchmark {

  private static final int EVENTS_PER_AGGREGATE = 10;
  private static final int SAMPLES = 2_000;
  private static final int TRACKED = 100_000;
  private static final int COMMITS_PER_APPEND = 500;

  record Recorded(String userId, String organizationId, long step) {}

  private final Serializer serializer = JacksonSerializer.defaultSerializer();
  private final Random random = new Random(42);
  private final List<String> aggregates = new ArrayList<>();
  private final Map<String, Long> nextSequence = new java.util.HashMap<>();
  private long stored;

  @Test
  void readsAppendsAndTrackingStayFlatAsTheStoreGrows() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    try (MongoClient client =
        MongoClients.create(
            "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true")) {
      MongoDatabase database = client.getDatabase("bench");
      EventLog log = new EventLog(database);
      new LegacyLayoutMigration(log).run();
      CommitLogStorageEngine engine =
          CommitLogStorageEngine.builder()
              .eventLog(log)
              .snapshotSerializer(serializer)
              .eventSerializer(serializer)
              .build();
      Map<Long, double[]> figures = new LinkedHashMap<>();
      for (long size : new long[] {10_000, 100_000, 1_000_000}) {
        grow(log, size);
        measure(engine, SAMPLES); // the first pass also warms the JIT up
        figures.put(size, measure(engine, SAMPLES));
      }
      print(figures);
    } finally {
      server.shutdownNow();
    }
  }

  /**
   * Writes whole aggregates straight into the layout, as the engine would, but in bulk: a thousand
   * new aggregates at a time, their events one commit each, round by round.
   */
  private void grow(EventLog log, long size) {
    BulkCommitAppender appender = new BulkCommitAppender(log, serializer);
    while (stored < size) {
      List<String> batch = new ArrayList<>(1_000);
      for (int i = 0; i < 1_000 && stored < size; i++) {
        String aggregate = UUID.randomUUID().toString();
        aggregates.add(aggregate);
        batch.add(aggregate);
        nextSequence.put(aggregate, (long) EVENTS_PER_AGGREGATE);
        stored += EVENTS_PER_AGGREGATE;
      }
      for (int sequence = 0; sequence < EVENTS_PER_AGGREGATE; sequence++) {
        for (int from = 0; from < batch.size(); from += COMMITS_PER_APPEND) {
          List<List<DomainEventMessage<?>>> commits = new ArrayList<>(COMMITS_PER_APPEND);
          for (String aggregate :
              batch.subList(from, Math.min(batch.size(), from + COMMITS_PER_APPEND))) {
            commits.add(List.of(event(aggregate, sequence)));
          }
          appender.append(commits);
        }
      }
    }
  }

  /** Milliseconds per aggregate read, per append, and tracking events per second. */
  private double[] measure(CommitLogStorageEngine engine, int samples) {
    long read = 0;
    for (int i = 0; i < samples; i++) {
      String aggregate = aggregates.get(random.nextInt(aggregates.size()));
      long start = System.nanoTime();
      long events = engine.readEvents(aggregate).asStream().count();
      read += System.nanoTime() - start;
      if (events < EVENTS_PER_AGGREGATE) {
        throw new IllegalStateException("short read: " + events);
      }
    }
    long appended = 0;
    for (int i = 0; i < samples; i++) {
      String aggregate = aggregates.get(random.nextInt(aggregates.size()));
      long sequence = nextSequence.get(aggregate);
      DomainEventMessage<?> event = event(aggregate, sequence);
      long start = System.nanoTime();
      engine.appendEvents(event);
      appended += System.nanoTime() - start;
      nextSequence.put(aggregate, sequence + 1);
      stored++;
    }
    int tracked = 0;
    long start = System.nanoTime();
    TrackingToken token = null;
    while (tracked < Math.min(TRACKED, stored)) {
      var events = engine.readEvents(token, false).limit(TRACKED - tracked).iterator();
      if (!events.hasNext()) {
        break;
      }
      while (events.hasNext()) {
        TrackedEventMessage<?> event = events.next();
        token = event.trackingToken();
        tracked++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {read / 1e6 / samples, appended / 1e6 / samples, tracked / seconds};
  }

  private static DomainEventMessage<?> event(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>(
        "UserTwoFactor",
        aggregate,
        sequence,
        new Recorded(aggregate, "org", sequence),
        MetaData.with("actorId", "bench"));
  }

  private static void print(Map<Long, double[]> figures) {
    double[] base = figures.values().iterator().next();
    StringBuilder table = new StringBuilder();
    table.append(
        "\n| events stored | read one aggregate | append one event | tracking read from the start |\n");
    table.append("|---|---|---|---|\n");
    figures.forEach(
        (size, f) ->
            table.append(
                String.format(
                    "| %,d | %.3f ms (%.2f×) | %.3f ms (%.2f×) | %,.0f events/s (%.2f×) |%n",
                    size, f[0], f[0] / base[0], f[1], f[1] / base[1], f[2], f[2] / base[2])));
    System.out.println(table);
  }
}
