package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's backend keeps H2's file format: a store the stock H2 backend wrote is read
 * and extended by it, and what it writes the stock backend reads, indexes included.
 */
class StoreBackendTest {

  @TempDir Path directory;

  /**
   * Which backend serves the store file for one session; the file is committed and closed after.
   */
  private <T> T session(
      Function<MVStore, MongoBackend> backend, Function<MongoCollection<Document>, T> work) {
    MVStore store =
        new MVStore.Builder()
            .fileName(directory.resolve("onix.mv").toString())
            .autoCommitDisabled()
            .open();
    MongoServer server = new MongoServer(backend.apply(store));
    server.bind("127.0.0.1", 0);
    try (MongoClient client =
        MongoClients.create(
            new ConnectionString(
                "mongodb://127.0.0.1:"
                    + server.getLocalAddress().getPort()
                    + "/?directConnection=true"))) {
      T result = work.apply(client.getDatabase("onix").getCollection("commits"));
      store.commit();
      return result;
    } finally {
      server.shutdownNow();
      if (!store.isClosed()) {
        store.close();
      }
    }
  }

  private static Document commit(int n) {
    return new Document("_id", "aggregate-" + (n % 7) + ":" + n)
        .append("globalIndex", (long) n)
        .append("events", List.of(new Document("payload", "{\"n\":" + n + "}")));
  }

  private static List<Object> ids(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    documents.forEach(document -> ids.add(document.get("_id")));
    return ids;
  }

  @Test
  void readsAndExtendsAStoreTheStockBackendWroteAndTheStockBackendReadsItBack() {
    session(
        H2Backend::new,
        commits -> {
          commits.createIndex(
              Indexes.ascending("globalIndex"),
              new IndexOptions().unique(true).name("globalIndex"));
          IntStream.range(0, 300).forEach(n -> commits.insertOne(commit(n)));
          return null;
        });

    session(
        StoreBackend::new,
        commits -> {
          assertThat(commits.countDocuments()).isEqualTo(300);
          assertThat(commits.find(Filters.eq("_id", "aggregate-3:143")).first())
              .containsEntry("globalIndex", 143L);
          assertThat(ids(commits.find(Filters.in("globalIndex", 5L, 250L, 999L))))
              .containsExactlyInAnyOrder("aggregate-5:5", "aggregate-5:250");
          // the unique indexes the stock backend built still refuse what they refused
          assertThatThrownBy(() -> commits.insertOne(commit(17)))
              .isInstanceOf(MongoWriteException.class);
          assertThatThrownBy(
                  () ->
                      commits.insertOne(new Document("_id", "other:1").append("globalIndex", 42L)))
              .isInstanceOf(MongoWriteException.class);
          IntStream.range(300, 600).forEach(n -> commits.insertOne(commit(n)));
          commits.updateOne(Filters.eq("_id", "aggregate-1:1"), Updates.set("sealed", true));
          commits.deleteOne(Filters.eq("_id", "aggregate-2:2"));
          return null;
        });

    session(
        H2Backend::new,
        commits -> {
          assertThat(commits.countDocuments()).isEqualTo(599);
          assertThat(commits.find(Filters.eq("globalIndex", 555L)).first())
              .containsEntry("_id", "aggregate-2:555");
          assertThat(commits.find(Filters.eq("_id", "aggregate-1:1")).first())
              .containsEntry("sealed", true);
          assertThat(commits.find(Filters.eq("globalIndex", 2L)).first()).isNull();
          assertThatThrownBy(() -> commits.insertOne(commit(444)))
              .isInstanceOf(MongoWriteException.class);
          return null;
        });
  }

  @Test
  void whatItStoresSurvivesAReopenIndexesIncluded() {
    session(
        StoreBackend::new,
        commits -> {
          commits.createIndex(
              Indexes.ascending("globalIndex"),
              new IndexOptions().unique(true).name("globalIndex"));
          IntStream.range(0, 200).forEach(n -> commits.insertOne(commit(n)));
          commits.insertOne(new Document("_id", 7_000L).append("globalIndex", 7_000L)); // a void
          return null;
        });

    List<Object> ordered =
        session(
            StoreBackend::new,
            commits -> {
              assertThat(commits.countDocuments()).isEqualTo(201);
              assertThat(commits.find(Filters.eq("_id", 7_000L)).first()).isNotNull();
              assertThatThrownBy(() -> commits.insertOne(commit(199)))
                  .isInstanceOf(MongoWriteException.class);
              return ids(
                  commits
                      .find(Filters.gte("globalIndex", 195L))
                      .sort(Sorts.ascending("globalIndex")));
            });
    assertThat(ordered)
        .containsExactly(
            "aggregate-6:195",
            "aggregate-0:196",
            "aggregate-1:197",
            "aggregate-2:198",
            "aggregate-3:199",
            7_000L);
  }

  @Test
  void anUpdatedDocumentIsStoredAsUpdatedNotAsFirstSerialized() {
    session(
        StoreBackend::new,
        control -> {
          control.insertOne(new Document("_id", "sequence").append("next", 0L));
          for (int i = 0; i < 50; i++) {
            control.findOneAndUpdate(
                Filters.eq("_id", "sequence"),
                Updates.inc("next", 2L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
          }
          return null;
        });

    Object next =
        session(
            StoreBackend::new,
            control -> control.find(Filters.eq("_id", "sequence")).first().get("next"));
    assertThat(next).isEqualTo(100L);
    Object readByStock =
        session(
            H2Backend::new,
            control -> control.find(Filters.eq("_id", "sequence")).first().get("next"));
    assertThat(readByStock).isEqualTo(100L);
  }
}
