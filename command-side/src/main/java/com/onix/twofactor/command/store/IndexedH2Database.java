package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** The H2 backend's database, with its unique indexes keyed by {@link SerializedIndexKeyType}. */
final class IndexedH2Database extends H2Database {

  private final MVStore store;
  private final SerializedIndexKeyType keyType;

  IndexedH2Database(
      String name, MVStore store, CursorRegistry cursors, SerializedIndexKeyType keyType) {
    super(name, store, cursors);
    this.store = store;
    this.keyType = keyType;
    // The superclass opened nothing (below): open the collections and indexes now, with the
    // fields set.
    super.initializeNamespacesAndIndexes();
  }

  /** Called by the superclass's constructor too, before this class's fields are set: skip that. */
  @Override
  protected void initializeNamespacesAndIndexes() {
    if (store != null) {
      super.initializeNamespacesAndIndexes();
    }
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    MVMap<SerializedIndexKey, Object> positions =
        store.openMap(
            getFullCollectionNamespace(collectionName) + "._index_" + indexName,
            new MVMap.Builder<SerializedIndexKey, Object>().keyType(keyType));
    return new MVMapUniqueIndex(positions, indexName, keys, sparse);
  }
}
