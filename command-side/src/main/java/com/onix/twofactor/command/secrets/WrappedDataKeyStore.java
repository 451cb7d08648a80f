package com.onix.twofactor.command.secrets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data keys, each wrapped by the key HKDF derives from the master key for that use, and kept where
 * {@link WrappedKeys} keeps them.
 *
 * <p>Keys this process created or read are kept unwrapped in memory for a few minutes, so that a
 * verification does not ask the store for its user's key every time. A destroyed key leaves this
 * process's memory at once; another process sharing the store may keep its copy until it expires,
 * but cannot use it for a verification: the reset that destroyed it is an event that process's
 * aggregate cache sees before any command (see the version-checked cache), after which the user
 * holds no key id. The keys are never logged.
 */
public class WrappedDataKeyStore implements DataKeyStore {

  private static final Logger log = LoggerFactory.getLogger(WrappedDataKeyStore.class);

  /** How long an unwrapped key stays in memory after it was read or created. */
  static final Duration KEPT_FOR = Duration.ofMinutes(5);

  /** Keys kept at most: about 100 bytes each. */
  static final long KEPT_AT_MOST = 50_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WrappedKeys keys;
  private final SecretKey masterKey;
  private final SecretKey wrapping;
  private final Clock clock;
  private final Cache<String, SecretKey> unwrapped;

  public WrappedDataKeyStore(WrappedKeys keys, SecretKey masterKey, Clock clock) {
    this(keys, masterKey, clock, Ticker.systemTicker());
  }

  /** With the ticker that times how long keys stay in memory. */
  WrappedDataKeyStore(WrappedKeys keys, SecretKey masterKey, Clock clock, Ticker ticker) {
    this.keys = keys;
    this.masterKey = masterKey;
    this.wrapping = MasterKeyDerivation.dataKeyWrapping(masterKey);
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
    keys.put(new WrappedKey(keyId, userId, WrappedKey.CURRENT, wrap(keyId, key), clock.instant()));
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
    // Empty once destroyed, and not kept: a key id is never answered from memory once gone.
    return keys.get(keyId).map(stored -> new SecretKeySpec(unwrap(stored), "AES")).orElse(null);
  }

  /** Deleted from the store first, then forgotten here: no load can bring it back after that. */
  @Override
  public void destroy(String keyId) {
    keys.delete(keyId);
    unwrapped.invalidate(keyId);
  }

  /**
   * Rewraps every key still wrapped by the master key itself (written before its uses were
   * separated) under the derived wrapping key. Run at start-up; a key read before still opens.
   */
  public int rewrapLegacyKeys() {
    int rewrapped = 0;
    for (WrappedKey stored : keys.all()) {
      if (stored.version() == WrappedKey.LEGACY) {
        keys.replace(rewrapped(stored));
        rewrapped++;
      }
    }
    if (rewrapped > 0) {
      log.info("Rewrapped {} data keys under the key derived for wrapping", rewrapped);
    }
    return rewrapped;
  }

  /** The same key, wrapped the current way. */
  WrappedKey rewrapped(WrappedKey stored) {
    return new WrappedKey(
        stored.keyId(),
        stored.userId(),
        WrappedKey.CURRENT,
        wrap(stored.keyId(), unwrap(stored)),
        stored.createdAt());
  }

  private byte[] wrap(String keyId, byte[] key) {
    return Aead.seal(wrapping, key, associatedData(keyId));
  }

  private byte[] unwrap(WrappedKey stored) {
    SecretKey by = stored.version() == WrappedKey.LEGACY ? masterKey : wrapping;
    try {
      return Aead.open(by, stored.wrapped(), associatedData(stored.keyId()));
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "data key " + stored.keyId() + " does not open with the master key");
    }
  }

  private static byte[] associatedData(String keyId) {
    return ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
