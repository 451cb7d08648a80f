package com.onix.twofactor.command.secrets;

import com.onix.twofactor.support.files.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every per-user data key: {@code ONIX_MASTER_KEY} (base64 of 32 bytes), or in
 * the embedded default {@code master.key} in the data directory, created on first start with
 * owner-only permissions.
 */
public final class MasterKey {

  static final String FILE_NAME = "master.key";
  private static final int LENGTH = 32;

  private MasterKey() {}

  public static SecretKey load(String configured, Path dataDirectory) {
    if (configured != null && !configured.isBlank()) {
      return fromBase64(configured.strip(), "ONIX_MASTER_KEY");
    }
    Path file = dataDirectory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  static SecretKey fromBase64(String text, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the master key in " + source + " is not base64");
    }
    if (key.length != LENGTH) {
      throw new IllegalStateException("the master key in " + source + " must be 32 bytes");
    }
    return new SecretKeySpec(key, "AES");
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[LENGTH];
    new SecureRandom().nextBytes(key);
    OwnerOnlyFile.createOnce(file, Base64.getEncoder().encodeToString(key));
  }
}
