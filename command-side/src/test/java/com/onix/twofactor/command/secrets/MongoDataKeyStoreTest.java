package com.onix.twofactor.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.secrets.DataKeyStore.DataKey;
import com.onix.twofactor.command.testing.InMemoryMongo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data keys are read from the store once, kept unwrapped for a while, and forgotten on destroy. */
class MongoDataKeyStoreTest {

  private final InMemoryMongo mongo = new InMemoryMongo();
  private final MongoDatabase database = mongo.database("keys");
  private final MongoCollection<Document> stored =
      database.getCollection(MongoDataKeyStore.COLLECTION);
  private final SecretKey masterKey = masterKey();
  private final AtomicLong nanos = new AtomicLong();
  private final MongoDataKeyStore keys = store();

  private static SecretKey masterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }

  private MongoDataKeyStore store() {
    return new MongoDataKeyStore(database, masterKey, Clock.systemUTC(), nanos::get);
  }

  private void elapse(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @AfterEach
  void close() {
    mongo.close();
  }

  @Test
  void aKeyIsReadFromTheStoreAndThenFromMemoryUntilItExpires() {
    DataKey created = store().create("user-1"); // another process made it: not in this one's memory
    assertThat(keys.find(created.keyId())).contains(created.key());

    // gone from the store behind this process's back: still in memory, for a while
    stored.deleteOne(new Document("_id", created.keyId()));
    assertThat(keys.find(created.keyId())).contains(created.key());
    elapse(MongoDataKeyStore.KEPT_FOR.minusSeconds(1));
    assertThat(keys.find(created.keyId())).contains(created.key());
    elapse(Duration.ofSeconds(1));
    assertThat(keys.find(created.keyId())).isEmpty();
  }

  @Test
  void aCreatedKeyIsKeptWithoutAskingTheStoreAndTheStoreHoldsItWrapped() {
    DataKey created = keys.create("user-1");
    Document document = stored.find(new Document("_id", created.keyId())).first();
    assertThat(document).isNotNull();
    assertThat(document.get("wrappedKey", org.bson.types.Binary.class).getData())
        .isNotEqualTo(created.key().getEncoded());

    stored.deleteOne(new Document("_id", created.keyId()));
    assertThat(keys.find(created.keyId())).contains(created.key());
  }

  @Test
  void aDestroyedKeyIsGoneAtOnceFromTheStoreAndFromMemory() {
    DataKey created = keys.create("user-1");
    assertThat(keys.find(created.keyId())).isPresent();

    keys.destroy(created.keyId());

    assertThat(keys.find(created.keyId())).isEmpty();
    assertThat(stored.countDocuments(new Document("_id", created.keyId()))).isZero();
    assertThat(store().find(created.keyId())).isEmpty();
  }
}
