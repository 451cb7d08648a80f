package com.onix.twofactor.command.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.onix.twofactor.command.secrets.KeyFiles;
import com.onix.twofactor.command.secrets.WrappedKey;
import com.onix.twofactor.command.store.EmbeddedStore;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while keys are made and destroyed and documents naming them are written: the
 * copied store opens (its start-up check passes), and every key a copied document names is in the
 * copied keys, as the service writes a key before the event naming it and destroys it after.
 */
class StoreBackupTest {

  @TempDir Path data;

  @Test
  void aBackupTakenUnderWritesOpensAndHoldsEveryKeyItsDocumentsName() throws Exception {
    KeyFiles keys = new KeyFiles(data.resolve("keys"));
    Files.writeString(data.resolve("master.key"), "not a real key, copied as it is");
    Path taken;
    try (EmbeddedStore store =
            EmbeddedStore.onDisk(data.resolve("store"), EmbeddedStoreSocket.in(data), List.of());
        MongoClient client = client(store)) {
      MongoCollection<Document> users = client.getDatabase("onix").getCollection("users");
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger written = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer =
          new Thread(
              () -> {
                List<String> live = new ArrayList<>();
                try {
                  while (running.get()) {
                    String keyId = UUID.randomUUID().toString();
                    keys.put(new WrappedKey(keyId, "u", 2, new byte[48], Instant.now()));
                    users.insertOne(new Document("_id", keyId).append("keyId", keyId));
                    store.durability().awaitDurable();
                    live.add(keyId);
                    if (live.size() > 20) { // a reset: the document goes, then its key
                      String gone = live.remove(0);
                      users.deleteOne(Filters.eq("_id", gone));
                      store.durability().awaitDurable();
                      keys.delete(gone);
                    }
                    written.incrementAndGet();
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              });
      writer.start();
      while (written.get() < 50) {
        Thread.sleep(20);
      }
      taken = new StoreBackup(store, keys, data, Clock.systemUTC()).take();
      while (written.get() < 100) {
        Thread.sleep(20);
      }
      running.set(false);
      writer.join();
      assertThat(failure.get()).isNull();
    }

    Path backup = data.resolve(taken);
    assertThat(taken.getParent()).isEqualTo(Path.of("backups"));
    assertThat(backup.resolve("master.key")).hasContent("not a real key, copied as it is");
    assertThat(backup.resolve("BACKUP.txt")).content().contains("store/onix.mv");
    KeyFiles copiedKeys = new KeyFiles(backup.resolve("keys"));
    Path elsewhere = Files.createDirectory(data.resolve("restored"));
    Files.move(backup.resolve("store"), elsewhere.resolve("store"));
    try (EmbeddedStore restored =
            EmbeddedStore.onDisk(
                elsewhere.resolve("store"), EmbeddedStoreSocket.in(elsewhere), List.of());
        MongoClient client = client(restored)) {
      List<Document> users =
          client.getDatabase("onix").getCollection("users").find().into(new ArrayList<>());
      assertThat(users).hasSizeGreaterThanOrEqualTo(20);
      assertThat(users)
          .allSatisfy(user -> assertThat(copiedKeys.get(user.getString("keyId"))).isPresent());
    }
  }

  private static MongoClient client(EmbeddedStore store) {
    return MongoClients.create(
        new ConnectionString(EmbeddedStoreSocket.connectionString(store.socket())));
  }
}
