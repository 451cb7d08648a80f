package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up check reads the whole store and refuses a damaged file, naming it. */
class StoreCheckTest {

  @TempDir Path data;
  private Path file;

  @BeforeEach
  void aStoreWithACollectionAndAnIndex() {
    file = data.resolve("store").resolve("onix.mv");
    try (EmbeddedStore store = open();
        MongoClient client =
            MongoClients.create(
                new ConnectionString(EmbeddedStoreSocket.connectionString(store.socket())))) {
      MongoCollection<Document> users = client.getDatabase("onix").getCollection("users");
      users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email"));
      users.insertMany(
          IntStream.range(0, 3000)
              .mapToObj(n -> new Document("_id", "user-" + n).append("email", n + "@example.org"))
              .toList());
      store.durability().awaitDurable();
    }
    // One dense file of live pages only, so that damage anywhere in it hits data.
    MVStoreTool.compact(file.toString(), false);
  }

  private EmbeddedStore open() {
    return EmbeddedStore.onDisk(data.resolve("store"), EmbeddedStoreSocket.in(data), List.of());
  }

  @Test
  void anIntactStorePassesTheCheckAndServes() {
    try (EmbeddedStore store = open();
        MongoClient client =
            MongoClients.create(
                new ConnectionString(EmbeddedStoreSocket.connectionString(store.socket())))) {
      assertThat(client.getDatabase("onix").getCollection("users").countDocuments())
          .isEqualTo(3000);
    }
  }

  @Test
  void aStoreWithADamagedPageIsRefusedNamingItsFile() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      byte[] garbage = new byte[256];
      Arrays.fill(garbage, (byte) 0x5a);
      channel.write(ByteBuffer.wrap(garbage), channel.size() / 2);
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(StoreCorruptedException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
  }

  @Test
  void theFailedStartSaysWhatIsWrongAndToRestoreFromABackup() {
    StoreCorruptedException corrupt = new StoreCorruptedException(file, "page unreadable", null);

    FailureAnalysis analysis = new StoreCorruptionFailureAnalyzer().analyze(corrupt);

    assertThat(analysis.getDescription()).contains(file.toString()).contains("page unreadable");
    assertThat(analysis.getAction()).contains("./onix restore");
  }
}
