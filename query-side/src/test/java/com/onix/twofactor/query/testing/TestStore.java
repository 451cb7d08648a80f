package com.onix.twofactor.query.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The store and data directory the query side runs on in tests: a MongoDB wire-protocol server in
 * this JVM (memory backend, random loopback port), or the real MongoDB named by {@code
 * ONIX_TEST_MONGO_URI}, with a database of its own per run. Started once per JVM.
 */
public final class TestStore {

  private static final String REAL_MONGO = System.getenv("ONIX_TEST_MONGO_URI");
  private static final String URI;
  private static final String DATABASE =
      "onix_query_test_" + UUID.randomUUID().toString().substring(0, 8);
  private static final Path DATA_DIRECTORY;

  static {
    if (REAL_MONGO != null && !REAL_MONGO.isBlank()) {
      URI = REAL_MONGO;
    } else {
      MongoServer server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", 0);
      InetSocketAddress address = server.getLocalAddress();
      URI =
          "mongodb://"
              + address.getHostString()
              + ":"
              + address.getPort()
              + "/?directConnection=true";
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-stop"));
    }
    try {
      DATA_DIRECTORY = Files.createTempDirectory("onix-query-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TestStore() {}

  public static String uri() {
    return URI;
  }

  public static String database() {
    return DATABASE;
  }

  public static Path dataDirectory() {
    return DATA_DIRECTORY;
  }
}
