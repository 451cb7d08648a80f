package com.onix.twofactor.query.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onix.twofactor.support.security.DevTokens;
import com.onix.twofactor.support.security.LocalSigningKey;
import com.onix.twofactor.support.security.TokenSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens as {@code ./onix token} mints them, and the forged kinds the service must refuse.
 */
public final class Tokens {

  public static final String ISSUER = LocalSigningKey.LOCAL_ISSUER;
  private static final Duration TTL = Duration.ofHours(1);
  private static volatile RSAKey foreignKey;

  private final RSAKey key;
  private final DevTokens dev;

  private Tokens(RSAKey key) {
    this.key = key;
    this.dev = new DevTokens(key, ISSUER);
  }

  /** Signed with the local key the service trusts, from the test data directory. */
  public static Tokens local() {
    return new Tokens(LocalSigningKey.loadOrCreate(TestStore.dataDirectory()));
  }

  public String signInService() {
    return mint(List.of("SIGN_IN_SERVICE"), null);
  }

  public String orgAdmin(String organizationId) {
    return mint(List.of("ORG_ADMIN"), organizationId);
  }

  public String auditor(String organizationId) {
    return mint(List.of("AUDITOR"), organizationId);
  }

  public String mint(List<String> roles, String organizationId) {
    return dev.mint(subject(), roles, organizationId, TTL, Instant.now());
  }

  /** Issued two hours ago, valid for one: expired an hour ago. */
  public String expired(List<String> roles, String organizationId) {
    return dev.mint(
        subject(), roles, organizationId, TTL, Instant.now().minus(Duration.ofHours(2)));
  }

  /** Signed with the trusted key, but by an issuer the service does not trust. */
  public String foreignIssuer(List<String> roles, String organizationId) {
    return new DevTokens(key, "https://idp.example.com/other")
        .mint(subject(), roles, organizationId, TTL, Instant.now());
  }

  /** Right issuer and claims, and even the trusted key's id, but signed by another RSA key. */
  public String signedByAnotherKey(List<String> roles, String organizationId) {
    return new DevTokens(anotherKey(), ISSUER)
        .mint(subject(), roles, organizationId, TTL, Instant.now());
  }

  /** An unsigned token ({@code alg: none}) with claims that would otherwise be accepted. */
  public String unsigned(List<String> roles, String organizationId) {
    Map<String, Object> header = Map.of("alg", "none", "typ", "JWT");
    Map<String, Object> claims = new LinkedHashMap<>();
    long now = Instant.now().getEpochSecond();
    claims.put("iss", ISSUER);
    claims.put("sub", subject());
    claims.put("iat", now);
    claims.put("exp", now + TTL.toSeconds());
    claims.put("roles", roles);
    if (organizationId != null) {
      claims.put("org", organizationId);
    }
    return base64Json(header) + "." + base64Json(claims) + ".";
  }

  /** Signed by the trusted key, but without an expiry. */
  public String withoutExpiry(List<String> roles, String organizationId) {
    return signWithTrustedKey(claims(roles, organizationId).expirationTime(null).build());
  }

  /** Signed by the trusted key, but with a blank subject. */
  public String withBlankSubject(List<String> roles, String organizationId) {
    return signWithTrustedKey(claims(roles, organizationId).subject(" ").build());
  }

  /**
   * HS256 keyed with the trusted public key's bytes: the algorithm-confusion forgery that fools a
   * verifier which lets the token pick the algorithm.
   */
  public String hmacWithThePublicKey(List<String> roles, String organizationId) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
              claims(roles, organizationId).build());
      jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private JWTClaimsSet.Builder claims(List<String> roles, String organizationId) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(TokenSettings.DEFAULT_AUDIENCE)
            .subject(subject())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TTL)))
            .claim("roles", roles);
    if (organizationId != null) {
      claims.claim("org", organizationId);
    }
    return claims;
  }

  private String signWithTrustedKey(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private RSAKey anotherKey() {
    RSAKey other = foreignKey;
    if (other == null) {
      try {
        other =
            new RSAKeyGenerator(2048)
                .keyID(key.getKeyID())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      foreignKey = other;
    }
    return other;
  }

  private static String base64Json(Object value) {
    try {
      byte[] json = new ObjectMapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject() {
    return UUID.randomUUID().toString();
  }
}
