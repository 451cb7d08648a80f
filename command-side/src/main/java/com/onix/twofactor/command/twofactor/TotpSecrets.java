package com.onix.twofactor.command.twofactor;

import com.onix.twofactor.command.secrets.Aead;
import com.onix.twofactor.command.secrets.DataKeyStore;
import com.onix.twofactor.command.secrets.DataKeyStore.DataKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * Authenticator secrets: 160 random bits, encrypted under a fresh per-user data key before they go
 * into an event, readable only while that key exists.
 */
@Component
public class TotpSecrets {

  static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataKeyStore keys;

  public TotpSecrets(DataKeyStore keys) {
    this.keys = keys;
  }

  /** A new secret: what goes into the event, and the base32 form shown to the user once. */
  public record IssuedSecret(String keyId, String encryptedSecret, String base32) {
    @Override
    public String toString() {
      return "IssuedSecret[keyId=" + keyId + ", <secret>]";
    }
  }

  public IssuedSecret issue(String userId) {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    DataKey key = keys.create(userId);
    byte[] sealed = Aead.seal(key.key(), secret, associatedData(userId, key.keyId()));
    return new IssuedSecret(
        key.keyId(),
        Base64.getEncoder().encodeToString(sealed),
        new Base32().encodeToString(secret).replace("=", ""));
  }

  /** The raw secret, or empty when its key was destroyed (the enrollment was reset). */
  public Optional<byte[]> reveal(String userId, String keyId, String encryptedSecret) {
    return keys.find(keyId)
        .map(
            key -> {
              try {
                return Aead.open(
                    key,
                    Base64.getDecoder().decode(encryptedSecret),
                    associatedData(userId, keyId));
              } catch (AEADBadTagException e) {
                throw new IllegalStateException("an encrypted secret does not open with its key");
              }
            });
  }

  public void destroy(String keyId) {
    keys.destroy(keyId);
  }

  private static byte[] associatedData(String userId, String keyId) {
    return ("onix-totp-secret:" + userId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
