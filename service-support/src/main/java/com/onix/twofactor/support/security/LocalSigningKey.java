package com.onix.twofactor.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.onix.twofactor.support.files.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The embedded mode's token signing key: an RSA key pair kept as a JWK in the data directory,
 * readable by its owner only. Both services and {@code ./onix token} use the same file; whoever
 * comes first creates it, atomically, so all three agree on one key.
 */
public final class LocalSigningKey {

  public static final String LOCAL_ISSUER = "onix-local";
  static final String FILE_NAME = "jwt-signing-key.json";

  private LocalSigningKey() {}

  public static RSAKey loadOrCreate(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the local signing key", e);
    } catch (ParseException e) {
      throw new IllegalStateException("the local signing key file is not a JWK: " + file);
    }
  }

  private static void create(Path file) throws IOException {
    RSAKey key;
    try {
      key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
    OwnerOnlyFile.createOnce(file, key.toJSONString());
  }
}
