package com.onix.twofactor.prompt.result;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.onix.twofactor.support.files.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

/**
 * The keys the results are signed with. The first key of the set signs; every key is published, so
 * a rotation puts the new key first and keeps the old one until results signed with it have
 * expired.
 */
public final class ResultKeys {

  static final String GENERATED_FILE = "prompt-result-keys.json";

  private final JWK signingKey;
  private final JWKSet published;

  private ResultKeys(JWKSet keys) {
    List<JWK> all = keys.getKeys();
    if (all.isEmpty() || !all.stream().allMatch(JWK::isPrivate)) {
      throw new IllegalStateException("the result keys must all be private EC P-256 or RSA keys");
    }
    if (all.stream().anyMatch(key -> key.getKeyID() == null)) {
      throw new IllegalStateException("every result key needs a kid");
    }
    this.signingKey = all.get(0);
    this.published = keys.toPublicJWKSet();
  }

  /** The production keys from {@code file}, a JWK set of private keys. */
  public static ResultKeys fromFile(Path file) {
    try {
      return new ResultKeys(JWKSet.load(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the result keys file " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException("the result keys file is not a JWK set: " + file);
    }
  }

  /** The embedded default: one EC P-256 key, generated once under the data directory. */
  public static ResultKeys generatedUnder(Path dataDirectory) {
    Path file = dataDirectory.resolve(GENERATED_FILE);
    try {
      if (!Files.exists(file)) {
        ECKey key =
            new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .keyIDFromThumbprint(true)
                .generate();
        OwnerOnlyFile.createOnce(file, new JWKSet(key).toString(false));
      }
      return fromFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the result key under " + dataDirectory, e);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a result key", e);
    }
  }

  public JWKSet publicKeys() {
    return published;
  }

  String keyId() {
    return signingKey.getKeyID();
  }

  JWSAlgorithm algorithm() {
    return signingKey instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
  }

  JWSSigner signer() {
    try {
      if (signingKey instanceof RSAKey rsa) {
        return new RSASSASigner(rsa);
      }
      ECKey ec = (ECKey) signingKey;
      if (!Curve.P_256.equals(ec.getCurve())) {
        throw new IllegalStateException("an EC result key must be on P-256 (ES256)");
      }
      return new ECDSASigner(ec);
    } catch (JOSEException e) {
      throw new IllegalStateException("the result signing key cannot sign", e);
    }
  }
}
