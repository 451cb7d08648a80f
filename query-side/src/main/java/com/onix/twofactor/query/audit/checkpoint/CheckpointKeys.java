package com.onix.twofactor.query.audit.checkpoint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The key that signs audit checkpoints, used for nothing else: an RSA key (RS256, 3072 bits) kept
 * as a JWK in a file only its owner reads, created on first use; and the public parts of the keys
 * it replaced, so that checkpoints they signed still verify after a rotation. Key ids are RFC 7638
 * thumbprints.
 */
public final class CheckpointKeys {

  private final RSAKey signing;
  private final List<RSAKey> published;

  private CheckpointKeys(RSAKey signing, List<RSAKey> retired) {
    this.signing = signing;
    List<RSAKey> keys = new ArrayList<>();
    if (signing != null) {
      keys.add(signing.toPublicJWK());
    }
    for (RSAKey key : retired) {
      if (keys.stream().noneMatch(known -> known.getKeyID().equals(key.getKeyID()))) {
        keys.add(key.toPublicJWK());
      }
    }
    this.published = List.copyOf(keys);
  }

  /** The signing key from {@code keyFile}, created if missing, and the retired public keys. */
  public static CheckpointKeys loadOrCreate(Path keyFile, Path retiredKeys) {
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        OwnerOnlyFile.createOnce(keyFile, generate().toJSONString());
      }
      return new CheckpointKeys(read(keyFile), retired(retiredKeys));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the audit checkpoint key", e);
    }
  }

  /** Only the public keys, for a tool that checks checkpoints and signs none. */
  public static CheckpointKeys forChecking(Path keyFile, Path retiredKeys) {
    try {
      RSAKey current = Files.exists(keyFile) ? read(keyFile).toPublicJWK() : null;
      return new CheckpointKeys(current, retired(retiredKeys));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit checkpoint keys", e);
    }
  }

  RSAKey signing() {
    if (signing == null || !signing.isPrivate()) {
      throw new IllegalStateException("no audit checkpoint signing key here");
    }
    return signing;
  }

  public boolean any() {
    return !published.isEmpty();
  }

  public Optional<RSAKey> find(String keyId) {
    return published.stream().filter(key -> key.getKeyID().equals(keyId)).findFirst();
  }

  public JWKSet publicSet() {
    return new JWKSet(List.copyOf(published));
  }

  /** A public key as PEM (SubjectPublicKeyInfo), for {@code openssl}. */
  public Optional<String> pem(String keyId) {
    return find(keyId)
        .map(
            key -> {
              try {
                String body =
                    Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.toRSAPublicKey().getEncoded());
                return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
              } catch (JOSEException e) {
                throw new IllegalStateException("an RSA JWK is an RSA public key", e);
              }
            });
  }

  private static RSAKey generate() {
    try {
      RSAKey key =
          new RSAKeyGenerator(3072)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the audit checkpoint key", e);
    }
  }

  private static RSAKey read(Path file) throws IOException {
    try {
      return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new IllegalStateException("the audit checkpoint key file is not an RSA JWK: " + file);
    }
  }

  private static List<RSAKey> retired(Path file) throws IOException {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    try {
      return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys().stream()
          .filter(RSAKey.class::isInstance)
          .map(RSAKey.class::cast)
          .toList();
    } catch (ParseException e) {
      throw new IllegalStateException("the retired checkpoint keys are not a JWK set: " + file);
    }
  }
}
