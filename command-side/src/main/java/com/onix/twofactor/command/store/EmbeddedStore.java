package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-protocol server the command side hosts when no MongoDB is configured: H2
 * files under the data directory, served on loopback so the query side can connect like to any
 * MongoDB. The {@link MVStore} is opened without auto-commit; {@link GroupCommit} commits it before
 * each acknowledgement, and a background task commits other clients' writes and compacts.
 */
public final class EmbeddedStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
  private static final java.time.Duration RETAIN_FREED_CHUNKS = java.time.Duration.ofMinutes(5);
  private static final java.time.Duration COMPACT_EVERY = java.time.Duration.ofMinutes(10);

  private final MongoServer server;
  private final InetSocketAddress address;
  private final MVStore mvStore;
  private final GroupCommit durability;
  private final ScheduledExecutorService housekeeping;

  private EmbeddedStore(MongoBackend backend, MVStore mvStore, int port) {
    this.mvStore = mvStore;
    this.server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    this.address = server.getLocalAddress();
    if (mvStore != null) {
      this.durability = new GroupCommit(mvStore);
      this.housekeeping =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "embedded-store-housekeeping");
                thread.setDaemon(true);
                return thread;
              });
      housekeeping.scheduleWithFixedDelay(this::commitQuietly, 200, 200, TimeUnit.MILLISECONDS);
      housekeeping.scheduleWithFixedDelay(
          this::compactQuietly,
          COMPACT_EVERY.toMinutes(),
          COMPACT_EVERY.toMinutes(),
          TimeUnit.MINUTES);
    } else {
      this.durability = null;
      this.housekeeping = null;
    }
  }

  /** A durable store in {@code directory}, created on first use. */
  public static EmbeddedStore onDisk(Path directory, int port) {
    try {
      Files.createDirectories(directory);
      // The store holds users' emails and the audit history: its owner's eyes only.
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory, e);
    }
    Path file = directory.resolve("onix.mv");
    MVStore mvStore = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    // A chunk that compaction emptied may still be read by a long scan that began before it
    // (an index build over a large collection): keep such chunks for a while before reuse.
    mvStore.setRetentionTime((int) RETAIN_FREED_CHUNKS.toMillis());
    EmbeddedStore store = new EmbeddedStore(new StoreBackend(mvStore), mvStore, port);
    log.info("Embedded store on {} serving {}", file, store.address);
    return store;
  }

  /** A store that lives in memory, for tests: nothing to make durable. */
  public static EmbeddedStore inMemory(MongoBackend backend, int port) {
    return new EmbeddedStore(backend, null, port);
  }

  public InetSocketAddress address() {
    return address;
  }

  public StoreDurability durability() {
    return durability == null ? StoreDurability.WRITE_CONCERN : durability;
  }

  private void commitQuietly() {
    try {
      durability.commitPending();
    } catch (RuntimeException e) {
      log.error("Background commit of the embedded store failed", e);
    }
  }

  private void compactQuietly() {
    try {
      durability.compact();
    } catch (RuntimeException e) {
      log.error("Compaction of the embedded store failed", e);
    }
  }

  @Override
  public void close() {
    if (housekeeping != null) {
      housekeeping.shutdown();
    }
    server.shutdownNow();
    if (mvStore != null && !mvStore.isClosed()) {
      durability.commitPending();
      mvStore.close();
    }
  }
}
