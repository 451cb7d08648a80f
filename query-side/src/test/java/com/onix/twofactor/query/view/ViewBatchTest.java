package com.onix.twofactor.query.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.support.store.StoreSettings;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ViewBatchTest {

  private MongoServer server;
  private MongoClient client;
  private ViewStore store;

  @BeforeEach
  void startStore() {
    server = new MongoServer(new MemoryBackend());
    String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
    client = MongoClients.create(uri);
    MongoDatabase database = client.getDatabase("views-" + UUID.randomUUID());
    store = new ViewStore(database, new StoreSettings(uri, database.getName()));
  }

  @AfterEach
  void stopStore() {
    client.close();
    server.shutdownNow();
  }

  private ViewBatches batches(ViewPreloader... preloaders) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    for (int i = 0; i < preloaders.length; i++) {
      beans.addBean("preloader" + i, preloaders[i]);
    }
    return new ViewBatches(store, beans.getBeanProvider(ViewPreloader.class));
  }

  private long stored(String collection) {
    return store.collection(collection).countDocuments();
  }

  @Test
  void writesInsideAUnitOfWorkWaitForTheFlush() {
    ViewBatches batches = batches();
    DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"))
        .execute(
            () -> {
              batches.current().put(ViewStore.USERS, new Document("_id", "u1").append("v", 1));
              assertThat(stored(ViewStore.USERS)).isZero();
              batches.flushCurrent();
              assertThat(stored(ViewStore.USERS)).isEqualTo(1);
            });
  }

  @Test
  void aBatchReadsItsOwnWritesBeforeTheyAreStored() {
    ViewBatches batches = batches();
    DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"))
        .execute(
            () -> {
              batches.current().put(ViewStore.USERS, new Document("_id", "u1").append("v", 2));
              assertThat(batches.current().find(ViewStore.USERS, "u1"))
                  .hasValueSatisfying(user -> assertThat(user.getInteger("v")).isEqualTo(2));
            });
  }

  @Test
  void aCommittedUnitOfWorkWritesItsBatch() {
    ViewBatches batches = batches();
    DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"))
        .execute(() -> batches.current().put(ViewStore.USERS, new Document("_id", "u1")));
    assertThat(stored(ViewStore.USERS)).isEqualTo(1);
  }

  @Test
  void aRolledBackUnitOfWorkWritesNothing() {
    ViewBatches batches = batches();
    var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
    batches.current().put(ViewStore.USERS, new Document("_id", "u1"));
    unitOfWork.rollback();
    assertThat(stored(ViewStore.USERS)).isZero();
  }

  @Test
  void outsideAUnitOfWorkEachWriteIsStoredAtOnce() {
    batches().current().put(ViewStore.USERS, new Document("_id", "u1"));
    assertThat(stored(ViewStore.USERS)).isEqualTo(1);
  }

  @Test
  void preloadersSeeEveryEventOfTheBatchOnce() {
    List<Integer> seen = new ArrayList<>();
    ViewBatches batches = batches((events, batch) -> seen.add(events.size()));
    var events =
        List.of(
            GenericEventMessage.asEventMessage("a"),
            GenericEventMessage.asEventMessage("b"),
            GenericEventMessage.asEventMessage("c"));
    new BatchingUnitOfWork<>(events)
        .executeWithResult(
            () -> {
              batches.current();
              batches.current();
              return null;
            });
    assertThat(seen).containsExactly(3);
  }

  @Test
  void aPreloadedKeyThatIsMissingIsNotAskedForAgain() {
    store.collection(ViewStore.USERS).insertOne(new Document("_id", "u1"));
    ViewBatch batch = ViewBatch.buffered(store);
    batch.preload(ViewStore.USERS, List.of("u1", "u2"));
    store.collection(ViewStore.USERS).insertOne(new Document("_id", "u2"));

    assertThat(batch.find(ViewStore.USERS, "u1")).isPresent();
    assertThat(batch.find(ViewStore.USERS, "u2")).as("known absent when preloaded").isEmpty();
  }

  @Test
  void aPreloadOfMoreKeysThanOneRequestTakesFindsThemAll() {
    int count = 3 * ViewBatch.KEYS_PER_REQUEST + 1;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("u" + i);
      store.collection(ViewStore.USERS).insertOne(new Document("_id", "u" + i));
    }
    ViewBatch batch = ViewBatch.buffered(store);
    batch.preload(ViewStore.USERS, ids);
    store.collection(ViewStore.USERS).deleteMany(new Document());

    assertThat(ids).allSatisfy(id -> assertThat(batch.find(ViewStore.USERS, id)).isPresent());
  }

  @Test
  void findByAnswersFromTheUniqueFieldItPreloaded() {
    store
        .collection(ViewStore.AUDIT_EVENTS)
        .insertOne(
            new Document("_id", "o:1").append("eventId", "e1").append("aggregateKey", "a:0"));
    ViewBatch batch = ViewBatch.buffered(store);
    batch.preloadBy(ViewStore.AUDIT_EVENTS, "eventId", List.of("e1", "e2"));

    assertThat(batch.findBy(ViewStore.AUDIT_EVENTS, "eventId", "e1"))
        .hasValueSatisfying(entry -> assertThat(entry.getString("_id")).isEqualTo("o:1"));
    assertThat(batch.findBy(ViewStore.AUDIT_EVENTS, "eventId", "e2")).isEmpty();
    batch.put(
        ViewStore.AUDIT_EVENTS,
        new Document("_id", "o:2").append("eventId", "e2").append("aggregateKey", "a:1"));
    assertThat(batch.findBy(ViewStore.AUDIT_EVENTS, "eventId", "e2")).isPresent();
  }

  @Test
  void aFlushWritesTheVersionsReadersWaitOnLast() {
    assertThat(ViewStore.inWriteOrder(List.of(ViewStore.AUDIT_VERSIONS, ViewStore.USERS, "other")))
        .containsExactly(ViewStore.USERS, ViewStore.AUDIT_VERSIONS, "other");
    assertThat(ViewStore.WRITE_ORDER.get(ViewStore.WRITE_ORDER.size() - 1))
        .isEqualTo(ViewStore.AUDIT_VERSIONS);
  }
}
