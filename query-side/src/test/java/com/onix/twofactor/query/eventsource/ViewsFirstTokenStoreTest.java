package com.onix.twofactor.query.eventsource;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.query.view.ViewBatches;
import com.onix.twofactor.query.view.ViewPreloader;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.store.StoreSettings;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ViewsFirstTokenStoreTest {

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
  private final MongoClient client = MongoClients.create(uri);
  private final MongoDatabase database = client.getDatabase("views");
  private final ViewStore store = new ViewStore(database, new StoreSettings(uri, "views"));
  private final ViewBatches batches =
      new ViewBatches(store, new StaticListableBeanFactory().getBeanProvider(ViewPreloader.class));

  @AfterEach
  void stopStore() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void thePositionIsStoredOnlyAfterTheViewsOfTheBatch() {
    MongoCollection<Document> users = store.collection(ViewStore.USERS);
    List<Long> usersWhenStored = new ArrayList<>();
    InMemoryTokenStore positions =
        new InMemoryTokenStore() {
          @Override
          public void storeToken(
              org.axonframework.eventhandling.TrackingToken token, String name, int segment) {
            usersWhenStored.add(users.countDocuments());
            super.storeToken(token, name, segment);
          }
        };
    ViewsFirstTokenStore tokens = new ViewsFirstTokenStore(positions, batches);
    tokens.initializeTokenSegments("projections", 1);

    DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"))
        .execute(
            () -> {
              batches.current().put(ViewStore.USERS, new Document("_id", "u1"));
              tokens.storeToken(new GlobalSequenceTrackingToken(0), "projections", 0);
            });

    assertThat(usersWhenStored).containsExactly(1L);
  }
}
