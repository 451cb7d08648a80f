package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * An index key of the embedded store as H2 has always stored it: the Java serialization of the
 * backend's {@link KeyValue}. Kept as those bytes in memory too, so that comparing two keys is
 * comparing bytes, with no serializing or deserializing on a lookup.
 */
final class SerializedIndexKey {

  private final byte[] bytes;

  SerializedIndexKey(byte[] bytes) {
    this.bytes = bytes;
  }

  static SerializedIndexKey of(KeyValue key) {
    return new SerializedIndexKey(ObjectDataType.serialize(key));
  }

  byte[] bytes() {
    return bytes;
  }

  KeyValue keyValue() {
    return (KeyValue) ObjectDataType.deserialize(bytes);
  }
}
