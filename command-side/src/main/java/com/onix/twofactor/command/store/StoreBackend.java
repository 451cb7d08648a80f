package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, with databases whose maps keep serialized forms ({@link SerializedForms}): the
 * same files, without H2 serializing every index key at every comparison and every document at
 * every page rewrite.
 */
final class StoreBackend extends H2Backend {

  StoreBackend(MVStore store) {
    super(store); // opens the databases already in the store, through the method below
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new StoreDatabase(databaseName, getMvStore(), getCursorRegistry());
  }

  /** The collection's documents, or none when it or its database does not exist. */
  List<Map<String, Object>> documentsOf(String database, String collection) {
    List<Map<String, Object>> documents = new ArrayList<>();
    if (listDatabaseNames().contains(database)) {
      MongoCollection<?> found = resolveDatabase(database).resolveCollection(collection, false);
      if (found != null) {
        found.queryAll().forEach(documents::add);
      }
    }
    return documents;
  }

  void drop(String database, String collection) {
    resolveDatabase(database).dropCollection(collection, NoopOplog.get());
  }
}
