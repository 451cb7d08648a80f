package com.onix.twofactor.command.twofactor;

import com.onix.twofactor.command.secrets.Aead;
import com.onix.twofactor.command.secrets.MasterKeyDerivation;
import com.onix.twofactor.command.secrets.WrappedKey;
import com.onix.twofactor.command.secrets.WrappedKeys;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;

/** Reads a data key as the store holds it, and unwraps it, to look for both afterwards. */
@TestComponent
class StoredDataKeys {

  record Stored(byte[] wrapped, byte[] raw) {}

  private final WrappedKeys keys;
  private final SecretKey masterKey;

  StoredDataKeys(WrappedKeys keys, @Qualifier("masterKey") SecretKey masterKey) {
    this.keys = keys;
    this.masterKey = masterKey;
  }

  Stored of(String keyId) throws Exception {
    WrappedKey stored = keys.get(keyId).orElseThrow();
    byte[] raw =
        Aead.open(
            MasterKeyDerivation.dataKeyWrapping(masterKey),
            stored.wrapped(),
            ("onix-data-key:" + keyId).getBytes(StandardCharsets.UTF_8));
    return new Stored(stored.wrapped(), raw);
  }
}
