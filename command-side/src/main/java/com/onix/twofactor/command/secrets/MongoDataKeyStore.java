package com.onix.twofactor.command.secrets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Data keys in the store's {@code key_store} collection, each wrapped by the master key.
 *
 * <p>Keys this process created or read are kept unwrapped in memory for a few minutes, so that a
 * verification does not ask the store for its user's key every time. A destroyed key leaves this
 * process's memory at once; another process sharing the store may keep its copy until it expires,
 * but cannot use it for a verification: the reset that destroyed it is an event that process's
 * aggregate cache sees before any command (see the version-checked cache), after which the user
 * holds no key id. The keys are never logged.
 */
public class MongoDataKeyStore implements DataKeyStore {

  static final String COLLECTION = "key_store";

  /** How long an unwrapped key stays in memory after it was read or created. */
  static final Duration KEPT_FOR = Duration.ofMinutes(5);

  /** Keys kept at most: about 100 bytes each. */
  static final long KEPT_AT_MOST = 50_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoCollection<Document> keys;
  private final SecretKey masterKey;
  private final Clock clock;
  private final Cache<String, SecretKey> unwrapped;

  public MongoDataKeyStore(MongoDatabase database, SecretKey masterKey, Clock clock) {
    this(database, masterKey, clock, Ticker.systemTicker());
  }

  /** With the ticker that times how long keys stay in memory. */
  MongoDataKeyStore(MongoDatabase database, SecretKey masterKey, Clock clock, Ticker ticker) {
    this.keys = database.getCollection(COLLECTION);
    this.masterKey = masterKey;
    this.clock = clock;
    this.unwrapped =
        Caffeine.newBuilder()
            .maximumSize(KEPT_AT_MOST)
            .expireAfterWrite(KEPT_FOR)
            .ticker(ticker)
            .build();
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
    SecretKey created = new SecretKeySpec(key, "AES");
    unwrapped.put(keyId, created);
    return new DataKey(keyId, created);
  }

  @Override
  public Optional<SecretKey> find(String keyId) {
    // Loaded under the key's lock: a destroy waits for a load in flight, then removes what it got.
    return Optional.ofNullable(unwrapped.get(keyId, this::load));
  }

  private SecretKey load(String keyId) {
    Document stored = keys.find(new Document("_id", keyId)).first();
    if (stored == null) {
      return null; // destroyed: not kept, so a key id is never answered from memory once gone
    }
    try {
      byte[] key =
          Aead.open(
              masterKey, stored.get("wrappedKey", Binary.class).getData(), associatedData(keyId));
      return new SecretKeySpec(key, "AES");
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("data key " + keyId + " does not open with the master key");
    }
  }

  /** Deleted from the store first, then forgotten here: no load can bring it back after that. */
  @Override
  public void destroy(String keyId) {
    keys.deleteOne(new Document("_id", keyId));
    unwrapped.invalidate(keyId);
  }

  private static byte[] associatedData(String keyId) {
    return ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
