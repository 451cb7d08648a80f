package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction forced again and again while full scans, index builds and acknowledged writes run
 * beside it on the embedded store, through its socket: no read fails. Before StoreBackend held the
 * version each request reads, a scan that outlived five commits read a page of a chunk compaction
 * had emptied and the commit after had dropped: "Chunk N not found". Freed chunks are kept for no
 * time here, so that what the production retention only delays happens within seconds.
 */
class CompactionBesideScansSoakTest {

  private static final Duration SOAK = Duration.ofSeconds(15);
  private static final int DOCUMENTS = 4000;

  @TempDir Path data;

  @Test
  void scansAndIndexBuildsBesideForcedCompactionAndWritesAllSucceed() throws Exception {
    Path socket = EmbeddedStoreSocket.in(data);
    try (EmbeddedStore store =
            EmbeddedStore.onDisk(data.resolve("store"), socket, List.of(), Duration.ZERO);
        MongoClient client =
            MongoClients.create(
                new ConnectionString(EmbeddedStoreSocket.connectionString(store.socket())))) {
      MongoCollection<Document> documents = client.getDatabase("onix").getCollection("soak");
      documents.insertMany(IntStream.range(0, DOCUMENTS).mapToObj(n -> document(n, 0)).toList());
      store.durability().awaitDurable();

      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      Map<String, AtomicInteger> steps = new ConcurrentHashMap<>();
      long stopAt = System.nanoTime() + SOAK.toNanos();
      List<Thread> threads = new ArrayList<>();
      threads.add(worker("writer", failures, steps, stopAt, () -> write(documents, store)));
      threads.add(worker("compactor", failures, steps, stopAt, store::compactNow));
      threads.add(worker("scanner", failures, steps, stopAt, () -> scan(documents)));
      threads.add(worker("index-builder", failures, steps, stopAt, () -> buildIndex(documents)));
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(failures).as("failures beside compaction").isEmpty();
      assertThat(steps)
          .as("steps each worker made")
          .allSatisfy((name, count) -> assertThat(count.get()).as(name).isGreaterThan(3));
      assertThat(documents.countDocuments()).isEqualTo(DOCUMENTS);
    }
  }

  private static Document document(int n, int round) {
    return new Document("_id", "user-" + n)
        .append("n", n)
        .append("round", round)
        .append("payload", "x".repeat(200 + n % 100));
  }

  private static void write(MongoCollection<Document> documents, EmbeddedStore store) {
    int n = ThreadLocalRandom.current().nextInt(DOCUMENTS);
    documents.updateOne(
        Filters.eq("_id", "user-" + n),
        Updates.combine(
            Updates.inc("round", 1),
            Updates.set("payload", "y".repeat(200 + ThreadLocalRandom.current().nextInt(100)))));
    store.durability().awaitDurable(); // a commit, as before each acknowledgement
  }

  private static void scan(MongoCollection<Document> documents) {
    // Matches nothing, so every document is read.
    assertThat(documents.find(Filters.eq("payload", "none")).first()).isNull();
  }

  private static void buildIndex(MongoCollection<Document> documents) {
    documents.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true).name("n"));
    documents.dropIndex("n");
  }

  private static Thread worker(
      String name,
      Queue<Throwable> failures,
      Map<String, AtomicInteger> steps,
      long stopAt,
      Runnable step) {
    AtomicInteger count = steps.computeIfAbsent(name, any -> new AtomicInteger());
    return new Thread(
        () -> {
          while (failures.isEmpty() && System.nanoTime() < stopAt) {
            try {
              step.run();
              count.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        },
        "soak-" + name);
  }
}
