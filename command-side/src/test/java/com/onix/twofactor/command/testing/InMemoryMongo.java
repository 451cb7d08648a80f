package com.onix.twofactor.command.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** A MongoDB-protocol server in memory on a random loopback port, for tests below Spring. */
public final class InMemoryMongo implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;

  public InMemoryMongo() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    client =
        MongoClients.create(
            new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true"));
  }

  public MongoDatabase database(String name) {
    return client.getDatabase(name);
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
