package com.onix.twofactor.command.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.store.EmbeddedStore;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The embedded store in memory on its own Unix domain socket, for tests below Spring. */
public final class InMemoryMongo implements AutoCloseable {

  private final EmbeddedStore server;
  private final MongoClient client;

  public InMemoryMongo() {
    server =
        EmbeddedStore.inMemory(new MemoryBackend(), EmbeddedStoreSocket.in(TestDataDirectory.PATH));
    client =
        MongoClients.create(
            new ConnectionString(EmbeddedStoreSocket.connectionString(server.socket())));
  }

  public MongoDatabase database(String name) {
    return client.getDatabase(name);
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
