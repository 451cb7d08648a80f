package com.onix.twofactor.command.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that is all the store ever holds of an access code: HMAC-SHA256 under a pepper
 * derived from the master key, so a stolen copy of the store alone cannot test guesses.
 */
public class AccessCodeHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PEPPER_LABEL =
      "onix/access-code-pepper/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKey pepper;

  public AccessCodeHasher(SecretKey masterKey) {
    this.pepper =
        new SecretKeySpec(
            mac(new SecretKeySpec(masterKey.getEncoded(), ALGORITHM), PEPPER_LABEL), ALGORITHM);
  }

  /** The hash of a code in its normal form (see AccessCodes). */
  public String hash(String normalizedCode) {
    return Base64.getEncoder()
        .encodeToString(mac(pepper, normalizedCode.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Compares in constant time. */
  public boolean matches(String normalizedCode, String storedHash) {
    return MessageDigest.isEqual(
        hash(normalizedCode).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
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
