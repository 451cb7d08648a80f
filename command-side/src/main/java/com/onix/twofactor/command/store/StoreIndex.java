package com.onix.twofactor.command.store;

import com.onix.twofactor.command.store.SerializedForms.StoredKey;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store: what the H2 backend's index does, over a map whose keys
 * keep their serialized form, so a lookup serializes the key it looks for once, not both sides of
 * every comparison on its way down the tree (see {@link SerializedForms}).
 */
final class StoreIndex extends AbstractUniqueIndex<Object> {

  private final MVMap<StoredKey, Object> positions;

  StoreIndex(MVMap<StoredKey, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.positions = positions;
  }

  @Override
  protected Object removeDocument(KeyValue keyValue) {
    return positions.remove(StoredKey.of(keyValue));
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, Object position) {
    return positions.putIfAbsent(StoredKey.of(keyValue), Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Entry<KeyValue, Object>> getIterable() {
    return () -> {
      Iterator<Entry<StoredKey, Object>> entries = positions.entrySet().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return entries.hasNext();
        }

        @Override
        public Entry<KeyValue, Object> next() {
          Entry<StoredKey, Object> entry = entries.next();
          return new SimpleImmutableEntry<>(entry.getKey().value(), entry.getValue());
        }
      };
    };
  }

  @Override
  protected Object getPosition(KeyValue keyValue) {
    return positions.get(StoredKey.of(keyValue));
  }

  @Override
  public long getCount() {
    return positions.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return positions.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
