package com.onix.twofactor.command.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's index maps. The H2 backend leaves them to H2's {@link
 * ObjectDataType}, which orders keys it cannot compare (the backend's index keys) by their Java
 * serializations, and serialized both keys anew for every comparison of every lookup: more than
 * half of the store's CPU under load. This type writes and reads exactly the bytes {@code
 * ObjectDataType} does (a serialized-object tag, the length, the serialization), and orders keys
 * the same way, by those bytes as unsigned, so existing store files read as they always did; but it
 * keeps the bytes, so a comparison is an array comparison.
 */
final class SerializedIndexKeyType extends BasicDataType<SerializedIndexKey> {

  /** {@code ObjectDataType}'s tag for a serialized object. */
  static final byte SERIALIZED_OBJECT = 19;

  @Override
  public int compare(SerializedIndexKey a, SerializedIndexKey b) {
    return a == b ? 0 : Arrays.compareUnsigned(a.bytes(), b.bytes());
  }

  @Override
  public int getMemory(SerializedIndexKey key) {
    return 24 + key.bytes().length;
  }

  @Override
  public void write(WriteBuffer buffer, SerializedIndexKey key) {
    buffer.put(SERIALIZED_OBJECT).putVarInt(key.bytes().length).put(key.bytes());
  }

  @Override
  public SerializedIndexKey read(ByteBuffer buffer) {
    byte tag = buffer.get();
    if (tag != SERIALIZED_OBJECT) {
      throw new IllegalStateException("an index key stored with type tag " + tag);
    }
    byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(bytes);
    return new SerializedIndexKey(bytes);
  }

  @Override
  public SerializedIndexKey[] createStorage(int size) {
    return new SerializedIndexKey[size];
  }
}
