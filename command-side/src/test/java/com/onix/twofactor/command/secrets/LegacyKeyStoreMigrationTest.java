package com.onix.twofactor.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.store.CollectionEviction;
import com.onix.twofactor.command.store.EmbeddedStore;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
import com.onix.twofactor.support.store.StoreSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded store written before data keys left it: at the next start its keys move to the key
 * files, rewrapped, still open to the same keys, and no file keeps their old form.
 */
class LegacyKeyStoreMigrationTest {

  @TempDir Path data;

  private final SecretKey masterKey = randomKey();

  private static SecretKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }

  private record Legacy(String keyId, byte[] raw, byte[] wrapped) {}

  /** What the command side stored before: the key wrapped by the master key, in key_store. */
  private Legacy legacyKey(MongoDatabase database, String userId) {
    byte[] raw = randomKey().getEncoded();
    String keyId = UUID.randomUUID().toString();
    byte[] wrapped =
        Aead.seal(masterKey, raw, ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8));
    database
        .getCollection("key_store")
        .insertOne(
            new Document("_id", keyId)
                .append("userId", userId)
                .append("wrappedKey", new Binary(wrapped))
                .append("createdAt", new Date()));
    return new Legacy(keyId, raw, wrapped);
  }

  private EmbeddedStore start(List<CollectionEviction> evictions) {
    return EmbeddedStore.onDisk(data.resolve("store"), EmbeddedStoreSocket.in(data), evictions);
  }

  private static MongoClient clientOf(EmbeddedStore store) {
    return MongoClients.create(EmbeddedStoreSocket.connectionString(store.socket()));
  }

  @Test
  void theKeysMoveToFilesStillOpenAndLeaveNoCopyInTheStoreFile() throws Exception {
    List<Legacy> keys = new ArrayList<>();
    try (EmbeddedStore old = start(List.of());
        MongoClient client = clientOf(old)) {
      MongoDatabase database = client.getDatabase("onix");
      for (int i = 0; i < 20; i++) {
        keys.add(legacyKey(database, "user-" + i));
      }
      database.getCollection("view_users").insertOne(new Document("_id", "user-1"));
      old.durability().awaitDurable();
    }
    assertThat(filesHolding(keys.get(0).wrapped())).as("before the migration").isNotEmpty();

    CollectionEviction eviction =
        new SecretsConfiguration()
            .dataKeysLeaveTheEmbeddedStore(
                new StoreSettings("", "onix"), "", data, masterKey, Clock.systemUTC());
    try (EmbeddedStore migrated = start(List.of(eviction));
        MongoClient client = clientOf(migrated)) {
      MongoDatabase database = client.getDatabase("onix");
      assertThat(database.getCollection("key_store").countDocuments()).isZero();
      assertThat(database.getCollection("view_users").countDocuments()).isEqualTo(1);

      WrappedDataKeyStore dataKeys =
          new WrappedDataKeyStore(new KeyFiles(data.resolve("keys")), masterKey, Clock.systemUTC());
      for (Legacy key : keys) {
        assertThat(dataKeys.find(key.keyId()))
            .hasValueSatisfying(found -> assertThat(found.getEncoded()).isEqualTo(key.raw()));
        assertThat(filesHolding(key.wrapped())).as("the old wrapped form").isEmpty();
        assertThat(filesHolding(key.raw())).as("the raw key").isEmpty();
      }

      dataKeys.destroy(keys.get(0).keyId());
      assertThat(dataKeys.find(keys.get(0).keyId())).isEmpty();
    }
  }

  private List<Path> filesHolding(byte[] needle) throws IOException {
    String wanted = new String(needle, StandardCharsets.ISO_8859_1);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> all = Files.walk(data)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(wanted)) {
          found.add(file);
        }
      }
    }
    return found;
  }
}
