package com.onix.twofactor.command.store;

import java.nio.file.Path;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole embedded store at start-up, before it serves anyone: every page of every map (a
 * page whose checksum fails, or whose chunk is gone, throws), and every index entry checked to name
 * a document that exists. A damaged file is then refused with its name and the remedy, instead of
 * failing one request at a time later.
 */
final class StoreCheck {

  private static final Logger log = LoggerFactory.getLogger(StoreCheck.class);
  private static final String INDEX_INFIX = "._index_";

  private StoreCheck() {}

  /** Run once the backend has opened every collection and index map with its types. */
  static void verify(Path file, MVStore store) {
    long started = System.nanoTime();
    long entries = 0;
    String current = "the store's metadata";
    try {
      for (String name : store.getMapNames()) {
        current = "map " + name;
        MVMap<Object, Object> map = store.openMap(name);
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
          entries++;
          if (entry.getValue() == null) {
            throw new StoreCorruptedException(file, current + " holds a key without a value", null);
          }
        }
        int index = name.indexOf(INDEX_INFIX);
        if (index > 0) {
          verifyIndex(file, store, name, StoreDatabase.DOCUMENTS_PREFIX + name.substring(0, index));
        }
      }
    } catch (MVStoreException | IllegalStateException | ClassCastException e) {
      throw new StoreCorruptedException(
          file, current + " cannot be read (" + e.getMessage() + ")", e);
    }
    log.info(
        "Store check: {} maps, {} entries of {} read whole in {} ms",
        store.getMapNames().size(),
        entries,
        file,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static void verifyIndex(
      Path file, MVStore store, String indexName, String documentsName) {
    if (!store.hasMap(documentsName)) {
      throw new StoreCorruptedException(
          file, "index " + indexName + " has no collection " + documentsName, null);
    }
    MVMap<Object, Object> documents = store.openMap(documentsName);
    MVMap<Object, Object> index = store.openMap(indexName);
    for (Object position : index.values()) {
      if (!documents.containsKey(position)) {
        throw new StoreCorruptedException(
            file, "index " + indexName + " names a document its collection does not hold", null);
      }
    }
  }
}
