package com.onix.twofactor.command.twofactor;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.secrets.Aead;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;

/** Reads a data key as the store holds it, and unwraps it, to look for both afterwards. */
@TestComponent
class StoredDataKeys {

  record Stored(byte[] wrapped, byte[] raw) {}

  private final MongoDatabase database;
  private final SecretKey masterKey;

  StoredDataKeys(MongoDatabase database, @Qualifier("masterKey") SecretKey masterKey) {
    this.database = database;
    this.masterKey = masterKey;
  }

  Stored of(String keyId) throws Exception {
    Document document =
        database.getCollection("key_store").find(new Document("_id", keyId)).first();
    byte[] wrapped = document.get("wrappedKey", Binary.class).getData();
    byte[] raw =
        Aead.open(masterKey, wrapped, ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8));
    return new Stored(wrapped, raw);
  }
}
