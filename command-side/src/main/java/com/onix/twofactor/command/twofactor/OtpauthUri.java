package com.onix.twofactor.command.twofactor;

import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/} URI authenticator apps (Google, Microsoft) take: issuer Onix, the
 * user's email as account name, SHA1, 6 digits, 30 seconds.
 */
public final class OtpauthUri {

  public static final String ISSUER = "Onix";

  private OtpauthUri() {}

  public static String of(String email, String secretBase32) {
    return "otpauth://totp/"
        + ISSUER
        + ":"
        + encode(email)
        + "?secret="
        + secretBase32
        + "&issuer="
        + ISSUER
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP.getSeconds();
  }

  /** Percent-encodes all but RFC 3986's unreserved characters and '@', which a label may hold. */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~@".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
