package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The H2 backend of mongo-java-server, with index keys compared as stored bytes (same files). */
final class IndexedH2Backend extends H2Backend {

  /** Static: the superclass's constructor already opens the databases it finds in the store. */
  private static final SerializedIndexKeyType KEY_TYPE = new SerializedIndexKeyType();

  IndexedH2Backend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), KEY_TYPE);
  }
}
