package com.onix.twofactor.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database for one test: on the embedded server (memory backend, random loopback port) by
 * default, or on the real MongoDB that {@code ONIX_TEST_MONGO_URI} names. The database is dropped
 * when the test closes it.
 */
final class TestStore implements AutoCloseable {

  static final String URI_VARIABLE = "ONIX_TEST_MONGO_URI";

  private final String uri;
  private final String databaseName;
  private final List<MongoClient> clients = new ArrayList<>();
  private final MongoDatabase database;

  private TestStore(String uri) {
    this.uri = uri;
    this.databaseName = "onix_es_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    this.database = connect();
  }

  static TestStore open() {
    String real = System.getenv(URI_VARIABLE);
    return new TestStore(real == null || real.isBlank() ? EmbeddedServer.uri() : real);
  }

  static boolean onRealMongo() {
    String real = System.getenv(URI_VARIABLE);
    return real != null && !real.isBlank();
  }

  MongoDatabase database() {
    return database;
  }

  /** The store as one service instance sees it, here through the test's own client. */
  EventLog eventLog() {
    return new EventLog(database);
  }

  /** A connection of its own to the same database, as a second service instance has. */
  MongoDatabase connect(CommandListener... listeners) {
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
    for (CommandListener listener : listeners) {
      settings.addCommandListener(listener);
    }
    MongoClient client = MongoClients.create(settings.build());
    synchronized (clients) {
      clients.add(client);
    }
    return client.getDatabase(databaseName);
  }

  MongoClient newClient() {
    MongoClient client = MongoClients.create(uri);
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  String databaseName() {
    return databaseName;
  }

  @Override
  public void close() {
    try {
      database.drop();
    } finally {
      synchronized (clients) {
        clients.forEach(MongoClient::close);
        clients.clear();
      }
    }
  }

  /** One embedded server for the whole run; each test gets a database of its own on it. */
  private static final class EmbeddedServer {
    private static final String URI = start();

    static String uri() {
      return URI;
    }

    private static String start() {
      MongoServer server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", 0);
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
      return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
  }
}
