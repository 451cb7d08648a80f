package com.onix.twofactor.command.secrets;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.store.CollectionEviction;
import com.onix.twofactor.command.store.EmbeddedBackendOverride;
import com.onix.twofactor.support.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

  @Bean
  SecretKey masterKey(
      @Value("${onix.master-key:}") String configured,
      @Value("${onix.data-dir}") Path dataDirectory) {
    return MasterKey.load(configured, dataDirectory);
  }

  /**
   * Files beside the embedded store (which cannot forget what it deletes), a collection on a real
   * MongoDB, unless {@code onix.key-store} says which.
   */
  @Bean
  WrappedKeys wrappedKeys(
      StoreSettings settings,
      @Value("${onix.key-store:}") String configured,
      @Value("${onix.data-dir}") Path dataDirectory,
      ObjectProvider<MongoDatabase> database,
      ObjectProvider<EmbeddedBackendOverride> inMemory) {
    if (!keepsKeysInFiles(settings, configured)) {
      return new MongoKeys(database.getObject());
    }
    // A store in memory (tests) gets key files of its own, as it gets a socket of its own: several
    // may share a data directory, each with its own events, and its reconciler must see only its
    // own keys.
    return new KeyFiles(
        inMemory.getIfAvailable() == null
            ? dataDirectory.resolve("keys")
            : dataDirectory
                .resolve("keys")
                .resolve("memory-" + UUID.randomUUID().toString().substring(0, 8)));
  }

  /**
   * The master key being rotated away ({@code ONIX_PREVIOUS_MASTER_KEY}), or none: what it wrapped
   * is rewrapped under the current one at start-up, after which it can be destroyed.
   */
  @Bean
  PreviousMasterKey previousMasterKey(@Value("${onix.previous-master-key:}") String configured) {
    return new PreviousMasterKey(
        configured == null || configured.isBlank()
            ? null
            : MasterKey.fromBase64(configured.strip(), "ONIX_PREVIOUS_MASTER_KEY"));
  }

  record PreviousMasterKey(SecretKey key) {}

  @Bean
  DataKeyStore dataKeyStore(
      WrappedKeys keys,
      @Qualifier("masterKey") SecretKey masterKey,
      PreviousMasterKey previous,
      Clock clock) {
    WrappedDataKeyStore store = new WrappedDataKeyStore(keys, masterKey, previous.key(), clock);
    store.rewrapToCurrentKey();
    return store;
  }

  @Bean
  AccessCodeHasher accessCodeHasher(
      @Qualifier("masterKey") SecretKey masterKey, PreviousMasterKey previous) {
    return new AccessCodeHasher(masterKey, previous.key());
  }

  /**
   * A store written before the keys left it holds them in {@code key_store}: they move to the key
   * files, rewrapped, before the store serves anyone, and the store's file is rewritten without
   * them.
   */
  @Bean
  CollectionEviction dataKeysLeaveTheEmbeddedStore(
      StoreSettings settings,
      @Value("${onix.key-store:}") String configured,
      @Value("${onix.data-dir}") Path dataDirectory,
      @Qualifier("masterKey") SecretKey masterKey,
      Clock clock) {
    if (!settings.embedded() || !keepsKeysInFiles(settings, configured)) {
      return null;
    }
    KeyFiles files = new KeyFiles(dataDirectory.resolve("keys"));
    WrappedDataKeyStore rewrapping = new WrappedDataKeyStore(files, masterKey, clock);
    return new CollectionEviction(
        settings.database(),
        MongoKeys.COLLECTION,
        documents -> moveInto(files, rewrapping, documents));
  }

  private static void moveInto(
      KeyFiles files, WrappedDataKeyStore rewrapping, List<Map<String, Object>> documents) {
    for (Map<String, Object> document : documents) {
      WrappedKey stored = fromEmbeddedDocument(document);
      if (files.get(stored.keyId()).isEmpty()) {
        files.put(rewrapping.rewrapped(stored));
      }
    }
  }

  private static WrappedKey fromEmbeddedDocument(Map<String, Object> document) {
    Object wrapped = document.get("wrappedKey");
    Object version = document.get("version");
    Object createdAt = document.get("createdAt");
    return new WrappedKey(
        (String) document.get("_id"),
        (String) document.get("userId"),
        version instanceof Number number ? number.intValue() : WrappedKey.LEGACY,
        wrapped instanceof de.bwaldvogel.mongo.bson.BinData binary
            ? binary.getData()
            : (byte[]) wrapped,
        createdAt instanceof Date date ? date.toInstant() : (java.time.Instant) createdAt);
  }

  private static boolean keepsKeysInFiles(StoreSettings settings, String configured) {
    return switch (configured == null ? "" : configured.strip()) {
      case "files" -> true;
      case "mongo" -> false;
      case "" -> settings.embedded();
      default ->
          throw new IllegalStateException(
              "ONIX_KEY_STORE must be 'files' or 'mongo', not '" + configured + "'");
    };
  }
}
