package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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
}
