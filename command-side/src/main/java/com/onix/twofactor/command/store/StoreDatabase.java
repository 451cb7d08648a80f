package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded store: the H2 backend's database, with its map names, over the maps of
 * {@link SerializedForms}. A store keeps its files either way.
 */
final class StoreDatabase extends AbstractSynchronizedMongoDatabase<Object> {

  /** The H2 backend's prefixes, so that the same files hold the same collections. */
  static final String DOCUMENTS_PREFIX = "databases.";

  private static final String META_PREFIX = "meta.";

  private final MVStore store;

  StoreDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
    super(databaseName, cursorRegistry);
    this.store = store;
    initializeNamespacesAndIndexes();
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    return new StoreIndex(
        store.openMap(indexMapName(collectionName, indexName), SerializedForms.indexMap()),
        indexName,
        keys,
        sparse);
  }

  @Override
  protected void dropIndex(MongoCollection<Object> collection, String indexName) {
    super.dropIndex(collection, indexName);
    store.removeMap(indexMapName(collection.getCollectionName(), indexName));
  }

  private String indexMapName(String collectionName, String indexName) {
    return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    String name = getFullCollectionNamespace(collectionName);
    return new StoreCollection(
        this,
        collectionName,
        options,
        store.openMap(DOCUMENTS_PREFIX + name, SerializedForms.documentMap()),
        store.openMap(META_PREFIX + name),
        cursorRegistry);
  }

  @Override
  public void drop(Oplog oplog) {
    super.drop(oplog);
    String prefix = databaseName + ".";
    for (String name : List.copyOf(store.getMapNames())) {
      if (name.startsWith(prefix)
          || name.startsWith(DOCUMENTS_PREFIX + prefix)
          || name.startsWith(META_PREFIX + prefix)) {
        store.removeMap(name);
      }
    }
  }

  @Override
  public void dropCollection(String collectionName, Oplog oplog) {
    super.dropCollection(collectionName, oplog);
    String name = getFullCollectionNamespace(collectionName);
    store.removeMap(DOCUMENTS_PREFIX + name);
    store.removeMap(META_PREFIX + name);
  }

  /** Renames the collection's maps with it, its indexes' too (the H2 backend renames neither). */
  @Override
  public void moveCollection(
      MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
    String oldName = collection.getFullName();
    super.moveCollection(oldDatabase, collection, newCollectionName);
    String newName = getFullCollectionNamespace(newCollectionName);
    for (String name : List.copyOf(store.getMapNames())) {
      if (name.startsWith(oldName + "._index_")) {
        renameMap(name, newName + name.substring(oldName.length()), true);
      }
    }
    renameMap(DOCUMENTS_PREFIX + oldName, DOCUMENTS_PREFIX + newName, false);
    renameMap(META_PREFIX + oldName, META_PREFIX + newName, false);
  }

  /** Renames a map that is open already under the type it was opened with. */
  private void renameMap(String from, String to, boolean index) {
    if (!store.hasMap(from)) {
      return;
    }
    MVMap<?, ?> map =
        index
            ? store.openMap(from, SerializedForms.indexMap())
            : from.startsWith(DOCUMENTS_PREFIX)
                ? store.openMap(from, SerializedForms.documentMap())
                : store.openMap(from);
    store.renameMap(map, to);
  }

  @Override
  protected long getStorageSize() {
    FileStore<?> file = store.getFileStore();
    return file == null ? 0 : file.size();
  }

  @Override
  protected long getFileSize() {
    return getStorageSize();
  }
}
