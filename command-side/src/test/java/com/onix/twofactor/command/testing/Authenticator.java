package com.onix.twofactor.command.testing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The phone app's side of RFC 6238, written from the RFC for the tests: independent of the library
 * the service verifies with.
 */
public final class Authenticator {

  private final byte[] secret;

  public Authenticator(String secretBase32) {
    this.secret = new Base32().decode(secretBase32);
  }

  public String codeAt(Instant instant) {
    return codeForStep(Math.floorDiv(instant.getEpochSecond(), 30));
  }

  public String codeForStep(long step) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] digest = hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
      int at = digest[digest.length - 1] & 0xf;
      int truncated = ByteBuffer.wrap(digest, at, 4).getInt() & 0x7fffffff;
      return String.format("%06d", truncated % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
