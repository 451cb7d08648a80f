package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The H2 backend of mongo-java-server, with indexes that compare keys cheaply (same files). */
final class IndexedH2Backend extends H2Backend {

  private final IndexKeyOrder keyOrder = new IndexKeyOrder();

  IndexedH2Backend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), keyOrder);
  }
}
