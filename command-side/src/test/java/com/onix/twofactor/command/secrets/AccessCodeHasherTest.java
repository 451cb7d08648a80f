package com.onix.twofactor.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Codes are hashed under a pepper HKDF derives; hashes made before that still match. */
class AccessCodeHasherTest {

  private final SecretKey masterKey = randomKey();
  private final AccessCodeHasher hasher = new AccessCodeHasher(masterKey);

  private static SecretKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  /** RFC 5869 by hand (no salt: a zero-filled one), to check the library against. */
  private static byte[] hkdf(byte[] inputKey, String info) throws Exception {
    byte[] pseudoRandomKey = hmac(new byte[32], inputKey);
    byte[] block = Arrays.copyOf(info.getBytes(StandardCharsets.US_ASCII), info.length() + 1);
    block[info.length()] = 1;
    return hmac(pseudoRandomKey, block);
  }

  @Test
  void aHashIsTheHmacOfTheCodeUnderThePepperHkdfDerivesFromTheMasterKey() throws Exception {
    byte[] pepper = hkdf(masterKey.getEncoded(), "onix/code-pepper/v2");
    String expected =
        "v2:"
            + Base64.getEncoder()
                .encodeToString(hmac(pepper, "ABCD1234EFGH".getBytes(StandardCharsets.US_ASCII)));

    assertThat(hasher.hash("ABCD1234EFGH")).isEqualTo(expected);
    assertThat(hasher.matches("ABCD1234EFGH", expected)).isTrue();
    assertThat(hasher.matches("ABCD1234EFGX", expected)).isFalse();
  }

  @Test
  void theWrappingKeyAndThePepperAreDifferentKeysAndNeitherIsTheMasterKey() throws Exception {
    byte[] wrapping = MasterKeyDerivation.dataKeyWrapping(masterKey).getEncoded();
    byte[] pepper = MasterKeyDerivation.codePepper(masterKey).getEncoded();

    assertThat(wrapping).isEqualTo(hkdf(masterKey.getEncoded(), "onix/data-key-wrapping/v2"));
    assertThat(wrapping).isNotEqualTo(pepper).isNotEqualTo(masterKey.getEncoded());
    assertThat(pepper).isNotEqualTo(masterKey.getEncoded());
  }

  @Test
  void aHashMadeBeforeTheMigrationStillMatchesItsCodeAndNoOther() throws Exception {
    byte[] legacyPepper =
        hmac(
            masterKey.getEncoded(),
            "onix/access-code-pepper/v1".getBytes(StandardCharsets.US_ASCII));
    String legacy =
        Base64.getEncoder()
            .encodeToString(hmac(legacyPepper, "ABCD1234EFGH".getBytes(StandardCharsets.US_ASCII)));

    assertThat(hasher.matches("ABCD1234EFGH", legacy)).isTrue();
    assertThat(hasher.matches("ABCD1234EFGX", legacy)).isFalse();
    assertThat(hasher.hash("ABCD1234EFGH")).isNotEqualTo(legacy);
  }

  @Test
  void anotherMasterKeyMakesAnotherHash() {
    assertThat(new AccessCodeHasher(randomKey()).hash("ABCD1234EFGH"))
        .isNotEqualTo(hasher.hash("ABCD1234EFGH"));
  }

  @Test
  void duringARotationAHashMadeUnderThePreviousMasterKeyStillMatches() {
    String before = hasher.hash("ABCD1234EFGH");
    SecretKey newMasterKey = randomKey();

    assertThat(new AccessCodeHasher(newMasterKey, masterKey).matches("ABCD1234EFGH", before))
        .isTrue();
    assertThat(new AccessCodeHasher(newMasterKey, masterKey).matches("ABCD1234EFGX", before))
        .isFalse();
    assertThat(new AccessCodeHasher(newMasterKey).matches("ABCD1234EFGH", before))
        .as("once the previous key is gone")
        .isFalse();
  }
}
