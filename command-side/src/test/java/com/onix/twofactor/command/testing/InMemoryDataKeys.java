package com.onix.twofactor.command.testing;

import com.onix.twofactor.command.secrets.DataKeyStore;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Data keys in a map, for fixture tests of the aggregates. */
public final class InMemoryDataKeys implements DataKeyStore {

  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  @Override
  public DataKey create(String userId) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    DataKey created = new DataKey(UUID.randomUUID().toString(), new SecretKeySpec(key, "AES"));
    keys.put(created.keyId(), created.key());
    return created;
  }

  @Override
  public Optional<SecretKey> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public void destroy(String keyId) {
    keys.remove(keyId);
  }

  public boolean holds(String keyId) {
    return keys.containsKey(keyId);
  }
}
