package com.onix.twofactor.command.secrets;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Data keys in the {@code key_store} collection of a real MongoDB, shared by every command side. A
 * deleted document is gone from the collection, but the oplog and backups keep it for as long as
 * they are kept (see the README on what makes a reset hold there).
 */
public final class MongoKeys implements WrappedKeys {

  static final String COLLECTION = "key_store";

  private final MongoCollection<Document> keys;

  public MongoKeys(MongoDatabase database) {
    this.keys = database.getCollection(COLLECTION);
  }

  @Override
  public void put(WrappedKey key) {
    keys.insertOne(toDocument(key));
  }

  @Override
  public Optional<WrappedKey> get(String keyId) {
    return Optional.ofNullable(keys.find(new Document("_id", keyId)).first()).map(MongoKeys::of);
  }

  @Override
  public void replace(WrappedKey key) {
    keys.replaceOne(new Document("_id", key.keyId()), toDocument(key));
  }

  @Override
  public void delete(String keyId) {
    keys.deleteOne(new Document("_id", keyId));
  }

  @Override
  public List<WrappedKey> all() {
    List<WrappedKey> all = new ArrayList<>();
    for (Document document : keys.find()) {
      all.add(of(document));
    }
    return all;
  }

  private static Document toDocument(WrappedKey key) {
    return new Document("_id", key.keyId())
        .append("userId", key.userId())
        .append("version", key.version())
        .append("wrappedKey", new Binary(key.wrapped()))
        .append("createdAt", Date.from(key.createdAt()));
  }

  /** A document without {@code version} was written before the master key's uses were split. */
  static WrappedKey of(Document document) {
    return new WrappedKey(
        document.getString("_id"),
        document.getString("userId"),
        document.getInteger("version", WrappedKey.LEGACY),
        document.get("wrappedKey", Binary.class).getData(),
        document.getDate("createdAt").toInstant());
  }
}
