package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, with databases whose maps keep serialized forms ({@link SerializedForms}): the
 * same files, without H2 serializing every index key at every comparison and every document at
 * every page rewrite.
 *
 * <p>Every request holds the store version it reads for as long as it runs. A plain {@link
 * org.h2.mvstore.MVMap} read tells the store nothing: a scan walks the tree of the version it began
 * on, while the store keeps only the last five versions' chunks, so once compaction had moved a
 * page out of an old chunk and five commits had passed, the commit after dropped that chunk and the
 * scan failed with "Chunk N not found". H2's own transactions register the version they use; the
 * requests here do the same.
 */
final class StoreBackend extends H2Backend {

  private final MVStore store;

  StoreBackend(MVStore store) {
    super(store); // opens the databases already in the store, through the method below
    this.store = store;
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    return holdingItsVersion(() -> super.handleCommand(channel, database, command, query));
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    return holdingItsVersion(() -> super.handleQuery(query));
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    return holdingItsVersion(() -> super.handleMessage(message));
  }

  /** Runs a read (or a write, which reads too) that the store does not drop the chunks of. */
  <T> T holdingItsVersion(Supplier<T> work) {
    MVStore.TxCounter version = store.registerVersionUsage();
    try {
      return work.get();
    } finally {
      store.deregisterVersionUsage(version);
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new StoreDatabase(databaseName, getMvStore(), getCursorRegistry());
  }

  /** The collection's documents, or none when it or its database does not exist. */
  List<Map<String, Object>> documentsOf(String database, String collection) {
    return holdingItsVersion(
        () -> {
          List<Map<String, Object>> documents = new ArrayList<>();
          if (listDatabaseNames().contains(database)) {
            MongoCollection<?> found =
                resolveDatabase(database).resolveCollection(collection, false);
            if (found != null) {
              found.queryAll().forEach(documents::add);
            }
          }
          return documents;
        });
  }

  void drop(String database, String collection) {
    resolveDatabase(database).dropCollection(collection, NoopOplog.get());
  }
}
