package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.secrets.Aead;
import com.onix.twofactor.command.secrets.WrappedKey;
import com.onix.twofactor.command.secrets.WrappedKeys;
import com.onix.twofactor.command.testing.Authenticator;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.apache.commons.codec.binary.Base32;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A reset destroys the per-user key of the TOTP secret: the events that carried it, encrypted,
 * stay, but nothing can read them any more.
 */
class CryptoShreddingHttpTest extends TwoFactorIntegrationTest {

  @Autowired private MongoDatabase database;

  @Autowired private TotpSecrets secrets;

  @Autowired
  @Qualifier("masterKey")
  private SecretKey masterKey;

  @Autowired
  @Qualifier("eventSerializer")
  private Serializer eventSerializer;

  @Autowired private WrappedKeys wrappedKeys;

  private boolean keyExists(String keyId) {
    return wrappedKeys.get(keyId).isPresent();
  }

  private List<TwoFactorSetupStarted> setupsOf(String userId) {
    return storedPayloads(userId).stream()
        .filter(TwoFactorSetupStarted.class::isInstance)
        .map(TwoFactorSetupStarted.class::cast)
        .toList();
  }

  private TwoFactorSetupStarted onlySetupOf(String userId) {
    List<TwoFactorSetupStarted> setups = setupsOf(userId);
    assertThat(setups).hasSize(1);
    return setups.get(0);
  }

  private static byte[] rawSecret(String base32) {
    byte[] raw = new Base32().decode(base32);
    assertThat(raw).hasSize(20);
    return raw;
  }

  private static byte[] associatedData(String userId, String keyId) {
    return ("onix-totp-secret:" + userId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean containsBytes(byte[] haystack, byte[] needle) {
    outer:
    for (int start = 0; start + needle.length <= haystack.length; start++) {
      for (int i = 0; i < needle.length; i++) {
        if (haystack[start + i] != needle[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Every binary value in a document, nested ones included. */
  private static List<byte[]> binariesOf(Object value) {
    List<byte[]> found = new ArrayList<>();
    if (value instanceof Binary binary) {
      found.add(binary.getData());
    } else if (value instanceof byte[] bytes) {
      found.add(bytes);
    } else if (value instanceof Document document) {
      document.values().forEach(nested -> found.addAll(binariesOf(nested)));
    } else if (value instanceof List<?> list) {
      list.forEach(nested -> found.addAll(binariesOf(nested)));
    }
    return found;
  }

  private void resetOk(Enrolled user) {
    Response reset = reset(user.organizationId(), user.userId());
    assertThat(reset.status()).as("%s", reset).isEqualTo(200);
  }

  @Test
  void aResetDeletesTheKeyOfTheSecretFromTheKeyStore() {
    Enrolled user = enrolledUser();
    String keyId = onlySetupOf(user.userId()).keyId();
    assertThat(keyExists(keyId)).as("the key before the reset").isTrue();

    resetOk(user);

    assertThat(keyExists(keyId)).as("the key after the reset").isFalse();
  }

  @Test
  void theStoredSecretRevealsBeforeTheResetAndNeverAfter() {
    Enrolled user = enrolledUser();
    TwoFactorSetupStarted setup = onlySetupOf(user.userId());
    assertThat(secrets.reveal(user.userId(), setup.keyId(), setup.encryptedSecret()))
        .as("before the reset")
        .hasValueSatisfying(raw -> assertThat(raw).isEqualTo(rawSecret(user.secret())));

    resetOk(user);

    TwoFactorSetupStarted stillStored = onlySetupOf(user.userId());
    assertThat(stillStored.encryptedSecret()).isEqualTo(setup.encryptedSecret());
    assertThat(secrets.reveal(user.userId(), stillStored.keyId(), stillStored.encryptedSecret()))
        .as("after the reset")
        .isEmpty();
  }

  @Test
  void theStoredSecretDoesNotOpenWithTheMasterKeyAlone() {
    Enrolled user = enrolledUser();
    resetOk(user);
    TwoFactorSetupStarted setup = onlySetupOf(user.userId());
    byte[] sealed = Base64.getDecoder().decode(setup.encryptedSecret());

    assertThatThrownBy(
            () -> Aead.open(masterKey, sealed, associatedData(user.userId(), setup.keyId())))
        .isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void afterTheResetTheOldSecretNoLongerVerifies() {
    Enrolled user = enrolledUser();

    resetOk(user);

    assertProblem(verifyTotp(user.userId(), user.freshCode()), 409, "NOT_ENROLLED");
  }

  @Test
  void aResetDuringAPendingSetupDeletesItsKey() {
    NewUser user = newUser();
    startedSetup(user.userId());
    String keyId = onlySetupOf(user.userId()).keyId();
    assertThat(keyExists(keyId)).isTrue();

    Response reset = reset(user.organizationId(), user.userId());

    assertThat(reset.status()).as("%s", reset).isEqualTo(200);
    assertThat(keyExists(keyId)).isFalse();
  }

  @Test
  void startingSetupAgainDeletesTheKeyOfThePendingSecret() {
    NewUser user = newUser();
    startedSetup(user.userId());
    startedSetup(user.userId());

    List<TwoFactorSetupStarted> setups = setupsOf(user.userId());

    assertThat(setups).hasSize(2);
    assertThat(keyExists(setups.get(0).keyId())).as("the replaced key").isFalse();
    assertThat(keyExists(setups.get(1).keyId())).as("the current key").isTrue();
  }

  @Test
  void aNewSetupAfterTheResetUsesANewKey() {
    Enrolled user = enrolledUser();
    String oldKeyId = onlySetupOf(user.userId()).keyId();
    resetOk(user);

    String secret = startedSetup(user.userId());

    List<TwoFactorSetupStarted> setups = setupsOf(user.userId());
    assertThat(setups).hasSize(2);
    String newKeyId = setups.get(1).keyId();
    assertThat(newKeyId).isNotEqualTo(oldKeyId);
    assertThat(keyExists(newKeyId)).isTrue();
    assertThat(keyExists(oldKeyId)).isFalse();
    assertThat(secret).isNotEqualTo(user.secret());
    Response confirmed =
        confirmSetup(user.userId(), new Authenticator(secret).codeForStep(currentStep()));
    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
  }

  @Test
  void theKeyStoreNeverHoldsTheSecret() {
    Enrolled user = enrolledUser();
    byte[] raw = rawSecret(user.secret());
    List<WrappedKey> ofUser =
        wrappedKeys.all().stream().filter(key -> key.userId().equals(user.userId())).toList();
    assertThat(ofUser).as("the user's keys").isNotEmpty();

    for (WrappedKey key : wrappedKeys.all()) {
      assertThat(containsBytes(key.wrapped(), raw)).as("the raw secret in %s", key).isFalse();
    }
  }

  @Test
  void noStoredEventHoldsTheSecret() {
    Enrolled user = enrolledUser();
    resetOk(user);
    startedSetup(user.userId());
    byte[] raw = rawSecret(user.secret());
    String base64 = Base64.getEncoder().encodeToString(raw);
    List<Object> payloads = storedPayloads(user.userId());
    assertThat(payloads).hasSizeGreaterThanOrEqualTo(5);

    for (Object payload : payloads) {
      assertThat(payload.toString()).doesNotContain(user.secret(), base64);
      assertThat(eventSerializer.serialize(payload, String.class).getData())
          .doesNotContain(user.secret(), base64);
    }
    for (TwoFactorSetupStarted setup : setupsOf(user.userId())) {
      byte[] sealed = Base64.getDecoder().decode(setup.encryptedSecret());
      assertThat(containsBytes(sealed, raw)).as("the raw secret in the ciphertext").isFalse();
    }
  }

  @Test
  void noDocumentInTheStoreHoldsTheSecret() {
    Enrolled user = enrolledUser();
    byte[] raw = rawSecret(user.secret());
    String base64 = Base64.getEncoder().encodeToString(raw);
    int userDocuments = 0;

    for (String collection : database.listCollectionNames()) {
      for (Document document : database.getCollection(collection).find()) {
        String json = document.toJson();
        assertThat(json).as("a document in %s", collection).doesNotContain(user.secret(), base64);
        for (byte[] binary : binariesOf(document)) {
          assertThat(containsBytes(binary, raw)).as("raw secret in %s", collection).isFalse();
        }
        if (json.contains(user.userId())) {
          userDocuments++;
        }
      }
    }
    assertThat(userDocuments).as("documents naming the user").isGreaterThanOrEqualTo(3);
  }
}
