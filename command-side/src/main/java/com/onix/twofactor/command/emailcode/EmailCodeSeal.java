package com.onix.twofactor.command.emailcode;

import com.onix.twofactor.command.secrets.Aead;
import com.onix.twofactor.command.secrets.DataKeyStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.springframework.stereotype.Component;

/**
 * Seals a sign-in code under the user's data key for its event, and opens it for the mailer. Once a
 * reset has destroyed the key, a pending code opens no more: it cannot be mailed.
 */
@Component
public class EmailCodeSeal {

  private final DataKeyStore keys;

  public EmailCodeSeal(DataKeyStore keys) {
    this.keys = keys;
  }

  /** Empty when the key is gone. */
  public Optional<String> seal(String userId, String keyId, String emailCodeId, String code) {
    return keys.find(keyId)
        .map(
            key ->
                Base64.getEncoder()
                    .encodeToString(
                        Aead.seal(
                            key,
                            code.getBytes(StandardCharsets.US_ASCII),
                            associatedData(userId, keyId, emailCodeId))));
  }

  /** Empty when the key is gone. */
  public Optional<String> open(String userId, String keyId, String emailCodeId, String sealed) {
    return keys.find(keyId)
        .map(
            key -> {
              try {
                return new String(
                    Aead.open(
                        key,
                        Base64.getDecoder().decode(sealed),
                        associatedData(userId, keyId, emailCodeId)),
                    StandardCharsets.US_ASCII);
              } catch (AEADBadTagException e) {
                throw new IllegalStateException("a sealed email code does not open with its key");
              }
            });
  }

  private static byte[] associatedData(String userId, String keyId, String emailCodeId) {
    return ("onix-email-code:" + userId + ":" + keyId + ":" + emailCodeId)
        .getBytes(StandardCharsets.UTF_8);
  }
}
