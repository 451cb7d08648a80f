package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * What the embedded store's maps hold in memory: each document and each index key together with its
 * serialized form, made once, instead of H2's {@link ObjectDataType} serializing it again for every
 * comparison (index keys are not {@code Comparable}, so it compares their serialized bytes) and for
 * every rewrite of the page that holds it (every commit that touches the page).
 *
 * <p>The bytes on disk are exactly those {@link ObjectDataType} writes for a serialized object (its
 * tag, the length, the Java serialization), and keys are ordered exactly as it orders them (by
 * those bytes), so a store written before this class existed is read as it was, and the files stay
 * readable by the stock H2 backend.
 */
final class SerializedForms {

  /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, which is not public. */
  static final int SERIALIZED_OBJECT_TAG = 19;

  /** Per entry, on top of its bytes; what the estimate covers is the page cache's business. */
  private static final int OVERHEAD = 48;

  private SerializedForms() {}

  /** An index key: a {@link KeyValue}, ordered by its serialized bytes. */
  static final class StoredKey {
    private final byte[] bytes;
    private volatile KeyValue value;

    private StoredKey(byte[] bytes, KeyValue value) {
      this.bytes = bytes;
      this.value = value;
    }

    static StoredKey of(KeyValue value) {
      return new StoredKey(IndexKeyBytes.of(value), value);
    }

    KeyValue value() {
      KeyValue known = value;
      if (known == null) {
        known = (KeyValue) ObjectDataType.deserialize(bytes);
        value = known;
      }
      return known;
    }
  }

  /**
   * A stored document and its serialized form, taken when it is put: the collection puts a document
   * again whenever it changes one, so the form is that of the version stored.
   */
  static final class StoredDocument {
    private final byte[] bytes;
    private volatile Document document;

    private StoredDocument(byte[] bytes, Document document) {
      this.bytes = bytes;
      this.document = document;
    }

    static StoredDocument of(Document document) {
      return new StoredDocument(ObjectDataType.serialize(document), document);
    }

    /** Deserialized on first use after the page was read from disk, then kept with the page. */
    Document document() {
      Document known = document;
      if (known == null) {
        known = (Document) ObjectDataType.deserialize(bytes);
        document = known;
      }
      return known;
    }
  }

  /** For a unique index's map: keys as above, positions (document ids) as H2 stores them. */
  static MVMap.Builder<StoredKey, Object> indexMap() {
    return new MVMap.Builder<StoredKey, Object>()
        .keyType(new KeyType())
        .valueType(new ObjectDataType());
  }

  /** For a collection's map: document ids as H2 stores them, documents as above. */
  static MVMap.Builder<Object, StoredDocument> documentMap() {
    return new MVMap.Builder<Object, StoredDocument>()
        .keyType(new ObjectDataType())
        .valueType(new DocumentType());
  }

  static final class KeyType extends BasicDataType<StoredKey> {

    @Override
    public int compare(StoredKey a, StoredKey b) {
      return ObjectDataType.compareNotNull(a.bytes, b.bytes);
    }

    @Override
    public int getMemory(StoredKey key) {
      return 2 * key.bytes.length + OVERHEAD;
    }

    @Override
    public void write(WriteBuffer buffer, StoredKey key) {
      writeSerialized(buffer, key.bytes);
    }

    @Override
    public StoredKey read(ByteBuffer buffer) {
      byte[] bytes = readSerialized(buffer);
      return bytes != null
          ? new StoredKey(bytes, null)
          : StoredKey.of((KeyValue) new ObjectDataType().read(buffer));
    }

    @Override
    public StoredKey[] createStorage(int size) {
      return new StoredKey[size];
    }
  }

  static final class DocumentType extends BasicDataType<StoredDocument> {

    @Override
    public int getMemory(StoredDocument document) {
      return 2 * document.bytes.length + OVERHEAD;
    }

    @Override
    public void write(WriteBuffer buffer, StoredDocument document) {
      writeSerialized(buffer, document.bytes);
    }

    @Override
    public StoredDocument read(ByteBuffer buffer) {
      byte[] bytes = readSerialized(buffer);
      return bytes != null
          ? new StoredDocument(bytes, null)
          : StoredDocument.of((Document) new ObjectDataType().read(buffer));
    }

    @Override
    public StoredDocument[] createStorage(int size) {
      return new StoredDocument[size];
    }
  }

  private static void writeSerialized(WriteBuffer buffer, byte[] bytes) {
    buffer.put((byte) SERIALIZED_OBJECT_TAG).putVarInt(bytes.length).put(bytes);
  }

  /**
   * The serialized bytes of the entry at the buffer's position, or null, with the position left
   * where it was, when H2 wrote that entry some other way (it never does for documents and index
   * keys, but then {@link ObjectDataType} reads it).
   */
  private static byte[] readSerialized(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != SERIALIZED_OBJECT_TAG) {
      return null;
    }
    buffer.get();
    byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(bytes);
    return bytes;
  }
}
