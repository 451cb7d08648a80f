package com.onix.twofactor.command.secrets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
  private final SecretKey previousMasterKey;
  private final SecretKey previousWrapping;
  private final Clock clock;
  private final Cache<String, SecretKey> unwrapped;

  public WrappedDataKeyStore(WrappedKeys keys, SecretKey masterKey, Clock clock) {
    this(keys, masterKey, null, clock, Ticker.systemTicker());
  }

  /**
   * @param previousMasterKey the master key being rotated away, or null: keys it wrapped still
   *     open, and {@link #rewrapToCurrentKey} moves them to the current one
   */
  public WrappedDataKeyStore(
      WrappedKeys keys, SecretKey masterKey, SecretKey previousMasterKey, Clock clock) {
    this(keys, masterKey, previousMasterKey, clock, Ticker.systemTicker());
  }

  /** With the ticker that times how long keys stay in memory. */
  WrappedDataKeyStore(WrappedKeys keys, SecretKey masterKey, Clock clock, Ticker ticker) {
    this(keys, masterKey, null, clock, ticker);
  }

  private WrappedDataKeyStore(
      WrappedKeys keys,
      SecretKey masterKey,
      SecretKey previousMasterKey,
      Clock clock,
      Ticker ticker) {
    this.keys = keys;
    this.masterKey = masterKey;
    this.wrapping = MasterKeyDerivation.dataKeyWrapping(masterKey);
    this.previousMasterKey = previousMasterKey;
    this.previousWrapping =
        previousMasterKey == null ? null : MasterKeyDerivation.dataKeyWrapping(previousMasterKey);
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
   * Rewraps under the current master key's wrapping key every key still wrapped by the master key
   * itself (written before its uses were separated) or, during a rotation, by the previous master
   * key. Run at start-up; until then such a key still opens. A key that opens with neither is
   * counted and left alone.
   */
  public int rewrapToCurrentKey() {
    int rewrapped = 0;
    int unopenable = 0;
    for (WrappedKey stored : keys.all()) {
      if (stored.version() == WrappedKey.CURRENT && opens(wrapping, stored)) {
        continue;
      }
      if (stored.version() == WrappedKey.CURRENT && previousWrapping == null) {
        unopenable++;
        continue;
      }
      try {
        keys.replace(rewrapped(stored));
        rewrapped++;
      } catch (IllegalStateException e) {
        unopenable++;
      }
    }
    if (rewrapped > 0) {
      log.info("Rewrapped {} data keys under the current master key's wrapping key", rewrapped);
    }
    if (unopenable > 0) {
      log.warn("{} data keys open with no master key given: is ONIX_MASTER_KEY right?", unopenable);
    }
    return rewrapped;
  }

  private static boolean opens(SecretKey by, WrappedKey stored) {
    try {
      Aead.open(by, stored.wrapped(), associatedData(stored.keyId()));
      return true;
    } catch (AEADBadTagException e) {
      return false;
    }
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
    boolean legacy = stored.version() == WrappedKey.LEGACY;
    SecretKey current = legacy ? masterKey : wrapping;
    SecretKey previous = legacy ? previousMasterKey : previousWrapping;
    for (SecretKey by : previous == null ? List.of(current) : List.of(current, previous)) {
      try {
        return Aead.open(by, stored.wrapped(), associatedData(stored.keyId()));
      } catch (AEADBadTagException wrongKey) {
        // the next one, if any
      }
    }
    throw new IllegalStateException(
        "data key " + stored.keyId() + " does not open with the master key");
  }

  private static byte[] associatedData(String keyId) {
    return ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
