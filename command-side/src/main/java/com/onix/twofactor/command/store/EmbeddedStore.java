package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-protocol server the command side hosts when no MongoDB is configured: H2
 * files under the data directory, served on a Unix domain socket in an owner-only directory (see
 * {@link UnixSocketMongoServer}) so that the query side connects like to any MongoDB and no other
 * OS user can connect at all. The {@link MVStore} is opened without auto-commit; {@link
 * GroupCommit} commits it before each acknowledgement, and a background task commits other clients'
 * writes and compacts.
 */
public final class EmbeddedStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
  private static final Duration RETAIN_FREED_CHUNKS = Duration.ofMinutes(5);
  private static final Duration COMPACT_EVERY = Duration.ofMinutes(10);

  private final UnixSocketMongoServer server;
  private final MVStore mvStore;
  private final GroupCommit durability;
  private final ScheduledExecutorService housekeeping;

  private EmbeddedStore(MongoBackend backend, MVStore mvStore, Path socket) {
    this.mvStore = mvStore;
    this.server = UnixSocketMongoServer.listen(backend, socket);
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

  /**
   * A durable store in {@code directory}, created on first use, served on {@code socket}. The
   * store's file lock keeps a second process from opening it, and so from taking the socket over.
   */
  public static EmbeddedStore onDisk(
      Path directory, Path socket, List<CollectionEviction> evictions) {
    return onDisk(directory, socket, evictions, RETAIN_FREED_CHUNKS);
  }

  /** With the time freed chunks are kept given: tests reach in seconds what takes minutes. */
  static EmbeddedStore onDisk(
      Path directory, Path socket, List<CollectionEviction> evictions, Duration retention) {
    try {
      Files.createDirectories(directory);
      // The store holds users' emails and the audit history: its owner's eyes only.
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory, e);
    }
    Path file = directory.resolve("onix.mv");
    MVStore mvStore = open(file, retention);
    StoreBackend backend = backendOf(file, mvStore);
    try {
      StoreCheck.verify(file, mvStore);
    } catch (StoreCorruptedException e) {
      mvStore.closeImmediately(); // writes nothing more into a damaged file
      throw reported(e);
    }
    if (evict(backend, evictions)) {
      mvStore.commit();
      backend.close(); // closes the MVStore too
      // A fresh file of the live data alone: the dropped documents' old pages are not copied.
      MVStoreTool.compact(file.toString(), false);
      log.info("Rewrote {} without the collections that left it", file);
      mvStore = open(file, retention);
      backend = backendOf(file, mvStore);
    }
    EmbeddedStore store = new EmbeddedStore(backend, mvStore, socket);
    log.info("Embedded store on {} serving the socket {}", file, socket);
    return store;
  }

  /** The backend over the store, which opens every collection and index it holds. */
  private static StoreBackend backendOf(Path file, MVStore mvStore) {
    try {
      return new StoreBackend(mvStore);
    } catch (MVStoreException e) {
      mvStore.closeImmediately();
      throw reported(
          new StoreCorruptedException(
              file, "its collections cannot be opened (" + e.getMessage() + ")", e));
    }
  }

  /** Logged with its remedy where the operator looks first, then thrown to stop the start. */
  private static StoreCorruptedException reported(StoreCorruptedException corrupt) {
    log.error("{} {}", corrupt.getMessage(), corrupt.remedy());
    return corrupt;
  }

  private static MVStore open(Path file, Duration retention) {
    MVStore mvStore;
    try {
      mvStore = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw e;
      }
      throw reported(
          new StoreCorruptedException(file, "it cannot be opened (" + e.getMessage() + ")", e));
    }
    // Only chunks written longer ago than this are rewritten by compaction or have their space
    // reused. Scans are not what this protects: StoreBackend holds the version each request reads.
    mvStore.setRetentionTime((int) retention.toMillis());
    return mvStore;
  }

  /** True when a collection left the store. */
  private static boolean evict(StoreBackend backend, List<CollectionEviction> evictions) {
    boolean evicted = false;
    for (CollectionEviction eviction : evictions) {
      List<Map<String, Object>> documents =
          backend.documentsOf(eviction.database(), eviction.collection());
      if (!documents.isEmpty()) {
        eviction.receiver().accept(documents);
        backend.drop(eviction.database(), eviction.collection());
        log.info(
            "Moved {} documents of {} out of the embedded store",
            documents.size(),
            eviction.collection());
        evicted = true;
      }
    }
    return evicted;
  }

  /**
   * A store that lives in memory, for tests: nothing to make durable. Its socket is one of its own
   * beside {@code socket}, since several test contexts may share one data directory.
   */
  public static EmbeddedStore inMemory(MongoBackend backend, Path socket) {
    Path own =
        socket.resolveSibling("memory-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
    return new EmbeddedStore(backend, null, own);
  }

  public Path socket() {
    return server.socket();
  }

  public StoreDurability durability() {
    return durability == null ? StoreDurability.WRITE_CONCERN : durability;
  }

  /** True when the store has a file (not one in memory, as tests host). */
  public boolean onDisk() {
    return mvStore != null;
  }

  /**
   * A consistent copy of the store's file as {@code target}, taken while it serves: commits pause
   * for the copy, reads go on.
   */
  public void copyTo(Path target) {
    if (mvStore == null) {
      throw new IllegalStateException("the embedded store lives in memory: nothing to copy");
    }
    Path file = Path.of(mvStore.getFileStore().getFileName());
    durability.whilePaused(
        () -> {
          try {
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the store file " + file, e);
          }
        });
  }

  /** Compacts whatever the fill rate: for tests that force compaction. */
  void compactNow() {
    durability.compactBelowFillRate(101);
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
    server.close();
    if (mvStore != null && !mvStore.isClosed()) {
      durability.commitPending();
      mvStore.close();
    }
  }
}
