package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store in an H2 map, as the H2 backend keeps its own, with the keys
 * held serialized ({@link SerializedIndexKeyType}).
 */
final class MVMapUniqueIndex extends AbstractUniqueIndex<Object> {

  private final MVMap<SerializedIndexKey, Object> positions;

  MVMapUniqueIndex(
      MVMap<SerializedIndexKey, Object> positions,
      String name,
      List<IndexKey> keys,
      boolean sparse) {
    super(name, keys, sparse);
    this.positions = positions;
  }

  @Override
  protected Object removeDocument(KeyValue key) {
    return positions.remove(SerializedIndexKey.of(key));
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Object position) {
    return positions.putIfAbsent(SerializedIndexKey.of(key), Missing.ofNullable(position)) == null;
  }

  /** Only for queries an exact lookup cannot answer (ranges): each key is deserialized here. */
  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return () -> {
      Iterator<Map.Entry<SerializedIndexKey, Object>> entries = positions.entrySet().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return entries.hasNext();
        }

        @Override
        public Map.Entry<KeyValue, Object> next() {
          Map.Entry<SerializedIndexKey, Object> entry = entries.next();
          return new AbstractMap.SimpleImmutableEntry<>(
              entry.getKey().keyValue(), entry.getValue());
        }
      };
    };
  }

  @Override
  protected Object getPosition(KeyValue key) {
    return positions.get(SerializedIndexKey.of(key));
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
