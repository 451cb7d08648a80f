package com.onix.twofactor.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.secrets.DataKeyStore.DataKey;
import com.onix.twofactor.command.testing.InMemoryMongo;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data keys are read from the store once, kept unwrapped for a while, and forgotten on destroy;
 * keys wrapped the way of before HKDF still open, and are rewrapped.
 */
class WrappedDataKeyStoreTest {

  private final InMemoryMongo mongo = new InMemoryMongo();
  private final MongoDatabase database = mongo.database("keys");
  private final MongoCollection<Document> stored = database.getCollection(MongoKeys.COLLECTION);
  private final SecretKey masterKey = masterKey();
  private final AtomicLong nanos = new AtomicLong();
  private final WrappedDataKeyStore keys = store();

  private static SecretKey masterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }

  private WrappedDataKeyStore store() {
    return new WrappedDataKeyStore(
        new MongoKeys(database), masterKey, Clock.systemUTC(), nanos::get);
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
    elapse(WrappedDataKeyStore.KEPT_FOR.minusSeconds(1));
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

  @Test
  void aStoredKeyDoesNotOpenWithTheMasterKeyItselfButWithTheKeyDerivedForWrapping()
      throws Exception {
    DataKey created = keys.create("user-1");
    Document document = stored.find(new Document("_id", created.keyId())).first();
    byte[] wrapped = document.get("wrappedKey", Binary.class).getData();
    byte[] associated = ("onix-data-key:" + created.keyId()).getBytes(StandardCharsets.UTF_8);

    assertThat(document.getInteger("version")).isEqualTo(2);
    assertThatThrownBy(() -> Aead.open(masterKey, wrapped, associated))
        .isInstanceOf(AEADBadTagException.class);
    assertThat(Aead.open(MasterKeyDerivation.dataKeyWrapping(masterKey), wrapped, associated))
        .isEqualTo(created.key().getEncoded());
  }

  /** What the command side stored before the master key's uses were separated. */
  private String legacyKey(byte[] raw) {
    String keyId = UUID.randomUUID().toString();
    stored.insertOne(
        new Document("_id", keyId)
            .append("userId", "user-1")
            .append(
                "wrappedKey",
                new Binary(
                    Aead.seal(
                        masterKey,
                        raw,
                        ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8))))
            .append("createdAt", new Date()));
    return keyId;
  }

  @Test
  void aKeyWrappedByTheMasterKeyItselfStillOpens() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String keyId = legacyKey(raw);

    assertThat(keys.find(keyId))
        .hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(raw));
  }

  @Test
  void theMigrationRewrapsEveryLegacyKeyUnderTheDerivedKeyAndTheyStillOpen() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String legacy = legacyKey(raw);
    DataKey current = keys.create("user-2");
    byte[] before =
        stored.find(new Document("_id", legacy)).first().get("wrappedKey", Binary.class).getData();

    assertThat(keys.rewrapToCurrentKey()).isEqualTo(1);

    Document after = stored.find(new Document("_id", legacy)).first();
    assertThat(after.getInteger("version")).isEqualTo(2);
    assertThat(after.get("wrappedKey", Binary.class).getData()).isNotEqualTo(before);
    assertThat(store().find(legacy))
        .hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(raw));
    assertThat(store().find(current.keyId())).contains(current.key());
    assertThat(keys.rewrapToCurrentKey()).as("a second run").isZero();
  }

  @Test
  void aRotationRewrapsEveryKeyUnderTheNewMasterKeyAfterWhichTheOldOneIsNotNeeded() {
    DataKey first = keys.create("user-1");
    DataKey second = keys.create("user-2");
    SecretKey newMasterKey = masterKey();
    WrappedDataKeyStore rotating =
        new WrappedDataKeyStore(
            new MongoKeys(database), newMasterKey, masterKey, Clock.systemUTC());

    assertThat(rotating.find(first.keyId())).as("before the rewrap").contains(first.key());
    assertThat(rotating.rewrapToCurrentKey()).isEqualTo(2);

    WrappedDataKeyStore afterwards =
        new WrappedDataKeyStore(new MongoKeys(database), newMasterKey, Clock.systemUTC());
    assertThat(afterwards.find(first.keyId())).contains(first.key());
    assertThat(afterwards.find(second.keyId())).contains(second.key());
    assertThat(afterwards.rewrapToCurrentKey()).isZero();
  }
}
