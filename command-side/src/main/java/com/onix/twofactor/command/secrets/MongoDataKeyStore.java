package com.onix.twofactor.command.secrets;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;

/** Data keys in the store's {@code key_store} collection, each wrapped by the master key. */
public class MongoDataKeyStore implements DataKeyStore {

  static final String COLLECTION = "key_store";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoCollection<Document> keys;
  private final SecretKey masterKey;
  private final Clock clock;

  public MongoDataKeyStore(MongoDatabase database, SecretKey masterKey, Clock clock) {
    this.keys = database.getCollection(COLLECTION);
    this.masterKey = masterKey;
    this.clock = clock;
  }

  @Override
  public DataKey create(String userId) {
    String keyId = UUID.randomUUID().toString();
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    byte[] wrapped = Aead.seal(masterKey, key, associatedData(keyId));
    keys.insertOne(
        new Document("_id", keyId)
            .append("userId", userId)
            .append("wrappedKey", new Binary(wrapped))
            .append("createdAt", Date.from(clock.instant())));
    return new DataKey(keyId, new SecretKeySpec(key, "AES"));
  }

  @Override
  public Optional<SecretKey> find(String keyId) {
    Document stored = keys.find(new Document("_id", keyId)).first();
    if (stored == null) {
      return Optional.empty();
    }
    try {
      byte[] key =
          Aead.open(
              masterKey, stored.get("wrappedKey", Binary.class).getData(), associatedData(keyId));
      return Optional.of(new SecretKeySpec(key, "AES"));
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("data key " + keyId + " does not open with the master key");
    }
  }

  @Override
  public void destroy(String keyId) {
    keys.deleteOne(new Document("_id", keyId));
  }

  private static byte[] associatedData(String keyId) {
    return ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
