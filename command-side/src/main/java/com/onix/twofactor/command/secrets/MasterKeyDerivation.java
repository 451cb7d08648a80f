package com.onix.twofactor.command.secrets;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The master key is used for nothing but deriving one key per use with HKDF-SHA256 (RFC 5869), so
 * that no key ever serves two algorithms: one wraps data keys (AES-GCM), one peppers access codes
 * and email codes (HMAC-SHA256).
 */
public final class MasterKeyDerivation {

  static final String DATA_KEY_WRAPPING = "onix/data-key-wrapping/v2";
  static final String CODE_PEPPER = "onix/code-pepper/v2";

  private static final int LENGTH = 32;

  private MasterKeyDerivation() {}

  public static SecretKey dataKeyWrapping(SecretKey masterKey) {
    return new SecretKeySpec(derive(masterKey, DATA_KEY_WRAPPING), "AES");
  }

  public static SecretKey codePepper(SecretKey masterKey) {
    return new SecretKeySpec(derive(masterKey, CODE_PEPPER), "HmacSHA256");
  }

  static byte[] derive(SecretKey masterKey, String use) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(masterKey.getEncoded(), null, use.getBytes(StandardCharsets.US_ASCII)));
    byte[] derived = new byte[LENGTH];
    hkdf.generateBytes(derived, 0, LENGTH);
    return derived;
  }
}
