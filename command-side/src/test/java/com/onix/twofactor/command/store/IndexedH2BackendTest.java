package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store files written by the stock H2 backend and by this one are the same files. */
class IndexedH2BackendTest {

  @TempDir Path directory;

  private static final int DOCUMENTS = 1_000;

  private <T> T withStore(
      Function<MVStore, MongoBackend> backend, Function<MongoCollection<Document>, T> use) {
    MVStore store = MVStore.open(directory.resolve("store.mv").toString());
    MongoServer server = new MongoServer(backend.apply(store));
    try (MongoClient client =
        MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
      return use.apply(client.getDatabase("onix").getCollection("things"));
    } finally {
      server.shutdownNow();
      store.close();
    }
  }

  private static void write(MongoCollection<Document> things, int from, int to) {
    things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
    List<Document> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      batch.add(new Document("_id", "thing-" + i).append("key", "key-" + i).append("n", (long) i));
    }
    things.insertMany(batch);
  }

  private static List<Long> lookUpEveryKey(MongoCollection<Document> things, int to) {
    List<Long> found = new ArrayList<>();
    for (int i = 0; i < to; i++) {
      Document thing = things.find(new Document("key", "key-" + i)).first();
      found.add(thing == null ? null : thing.getLong("n"));
    }
    return found;
  }

  private static List<Long> numbers(int to) {
    List<Long> numbers = new ArrayList<>();
    for (long i = 0; i < to; i++) {
      numbers.add(i);
    }
    return numbers;
  }

  @Test
  void readsAndExtendsIndexesTheStockBackendWrote() {
    withStore(
        H2Backend::new,
        things -> {
          write(things, 0, DOCUMENTS);
          return null;
        });

    List<Long> found =
        withStore(
            IndexedH2Backend::new,
            things -> {
              write(things, DOCUMENTS, 2 * DOCUMENTS);
              return lookUpEveryKey(things, 2 * DOCUMENTS);
            });

    assertThat(found).isEqualTo(numbers(2 * DOCUMENTS));
  }

  @Test
  void theStockBackendReadsWhatThisOneWrote() {
    withStore(
        IndexedH2Backend::new,
        things -> {
          write(things, 0, DOCUMENTS);
          return null;
        });

    List<Long> found = withStore(H2Backend::new, things -> lookUpEveryKey(things, DOCUMENTS));

    assertThat(found).isEqualTo(numbers(DOCUMENTS));
  }

  @Test
  void aUniqueIndexStillRejectsADuplicateAfterReopening() {
    withStore(
        IndexedH2Backend::new,
        things -> {
          write(things, 0, 10);
          return null;
        });

    Throwable rejected =
        withStore(
            IndexedH2Backend::new,
            things -> {
              try {
                things.insertOne(new Document("_id", "other").append("key", "key-3"));
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });

    assertThat(rejected).hasMessageContaining("duplicate key");
  }
}
