package com.onix.twofactor.command.secrets;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Per-user data keys, each keyed by a random id. Destroying a key deletes its one copy: whatever it
 * encrypted, in events that stay in the event store forever, can no longer be read by anyone
 * (crypto-shredding).
 */
public interface DataKeyStore {

  record DataKey(String keyId, SecretKey key) {}

  DataKey create(String userId);

  /** The key, or empty once it has been destroyed. */
  Optional<SecretKey> find(String keyId);

  void destroy(String keyId);
}
