package com.onix.twofactor.command.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that is all the store ever holds of an access code or an email code: HMAC-SHA256
 * under a pepper HKDF derives from the master key ({@link MasterKeyDerivation}), so a stolen copy
 * of the store alone cannot test guesses. A hash is written {@code v2:<base64>}; one without the
 * prefix was made before the master key's uses were separated (the pepper was then an HMAC of a
 * label under the master key) and still matches, for the codes issued before the upgrade (an access
 * code lives 30 days at most). During a rotation of the master key, hashes made under the previous
 * one still match too.
 */
public class AccessCodeHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private static final String CURRENT = "v2:";
  private static final byte[] LEGACY_PEPPER_LABEL =
      "onix/access-code-pepper/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKey pepper;
  private final List<SecretKey> peppers;
  private final List<SecretKey> legacyPeppers;

  public AccessCodeHasher(SecretKey masterKey) {
    this(masterKey, null);
  }

  /**
   * @param previousMasterKey the master key being rotated away, or null
   */
  public AccessCodeHasher(SecretKey masterKey, SecretKey previousMasterKey) {
    List<SecretKey> masters =
        previousMasterKey == null ? List.of(masterKey) : List.of(masterKey, previousMasterKey);
    this.pepper = MasterKeyDerivation.codePepper(masterKey);
    this.peppers = masters.stream().map(MasterKeyDerivation::codePepper).toList();
    this.legacyPeppers = masters.stream().map(AccessCodeHasher::legacyPepper).toList();
  }

  private static SecretKey legacyPepper(SecretKey masterKey) {
    return new SecretKeySpec(
        mac(new SecretKeySpec(masterKey.getEncoded(), ALGORITHM), LEGACY_PEPPER_LABEL), ALGORITHM);
  }

  /** The hash of a code in its normal form (see AccessCodes). */
  public String hash(String normalizedCode) {
    return CURRENT + keyed(pepper, normalizedCode);
  }

  /** Compares in constant time. */
  public boolean matches(String normalizedCode, String storedHash) {
    boolean current = storedHash.startsWith(CURRENT);
    boolean matched = false;
    for (SecretKey candidate : current ? peppers : legacyPeppers) {
      String expected = (current ? CURRENT : "") + keyed(candidate, normalizedCode);
      // every candidate compared, so the time does not tell which one matched
      matched |=
          MessageDigest.isEqual(
              expected.getBytes(StandardCharsets.US_ASCII),
              storedHash.getBytes(StandardCharsets.US_ASCII));
    }
    return matched;
  }

  private static String keyed(SecretKey key, String normalizedCode) {
    return Base64.getEncoder()
        .encodeToString(mac(key, normalizedCode.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] mac(SecretKey key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
