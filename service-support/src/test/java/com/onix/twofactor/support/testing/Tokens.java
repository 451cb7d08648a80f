package com.onix.twofactor.support.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.security.TokenSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for the services' tests: good ones signed with the local key of a data directory,
 * as {@code ./onix token} mints them, and every forged kind a service must refuse. Forgeries take
 * role names as text, so that a test can also name a role no service knows.
 */
public final class Tokens {

  public static final String ISSUER = LocalSigningKey.LOCAL_ISSUER;
  private static final Duration HOUR = Duration.ofHours(1);
  private static volatile RSAKey anotherKey;

  private final RSAKey key;
  private final DevTokens local;

  /** Signed with the local key of that data directory (made there if it has none yet). */
  public Tokens(Path dataDirectory) {
    this.key = LocalSigningKey.loadOrCreate(dataDirectory);
    this.local = new DevTokens(key, ISSUER);
  }

  public String mint(String subject, String organizationId, Duration ttl, OnixRole... roles) {
    return local.mint(subject, names(roles), organizationId, ttl, Instant.now());
  }

  public String mint(String subject, String organizationId, OnixRole... roles) {
    return mint(subject, organizationId, HOUR, roles);
  }

  /** A good token for a new subject, with roles by name (known to the services or not). */
  public String mint(List<String> roles, String organizationId) {
    return local.mint(subject(), roles, organizationId, HOUR, Instant.now());
  }

  public String platformOperator() {
    return mint("operator-1", null, OnixRole.PLATFORM_OPERATOR);
  }

  public String signInService() {
    return mint(List.of(OnixRole.SIGN_IN_SERVICE.name()), null);
  }

  public String orgAdmin(String organizationId) {
    return mint("admin-of-" + organizationId, organizationId, OnixRole.ORG_ADMIN);
  }

  public String orgAdmin(String subject, String organizationId) {
    return mint(subject, organizationId, OnixRole.ORG_ADMIN);
  }

  public String auditor(String organizationId) {
    return mint(List.of(OnixRole.AUDITOR.name()), organizationId);
  }

  /** Issued two hours ago, valid for one: expired an hour ago. */
  public String expired(List<String> roles, String organizationId) {
    return local.mint(
        subject(), roles, organizationId, HOUR, Instant.now().minus(Duration.ofHours(2)));
  }

  /** Signed with the trusted key, but by an issuer the services do not trust. */
  public String foreignIssuer(List<String> roles, String organizationId) {
    return new DevTokens(key, "https://idp.example.com/other")
        .mint(subject(), roles, organizationId, HOUR, Instant.now());
  }

  /** Signed with the trusted key, but naming no subject. */
  public String withoutSubject(List<String> roles, String organizationId) {
    return local.mint(null, roles, organizationId, HOUR, Instant.now());
  }

  /** Signed with the trusted key, but with a blank subject. */
  public String withBlankSubject(List<String> roles, String organizationId) {
    return signWithTrustedKey(claims(roles, organizationId).subject(" ").build());
  }

  /** Signed with the trusted key, but without an expiry. */
  public String withoutExpiry(List<String> roles, String organizationId) {
    return signWithTrustedKey(claims(roles, organizationId).expirationTime(null).build());
  }

  /** Signed with the trusted key, but only valid ten minutes from now ({@code nbf}). */
  public String notYetValid(List<String> roles, String organizationId) {
    return signWithTrustedKey(
        claims(roles, organizationId)
            .notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
            .build());
  }

  /** Right issuer and claims, and even the trusted key's id, but signed by another RSA key. */
  public String signedByAnotherKey(List<String> roles, String organizationId) {
    return new DevTokens(anotherKey(), ISSUER)
        .mint(subject(), roles, organizationId, HOUR, Instant.now());
  }

  /** An unsigned token ({@code alg: none}) with claims that would otherwise be accepted. */
  public String unsigned(List<String> roles, String organizationId) {
    Map<String, Object> header = Map.of("alg", "none", "typ", "JWT");
    Map<String, Object> claims = new LinkedHashMap<>();
    long now = Instant.now().getEpochSecond();
    claims.put("iss", ISSUER);
    claims.put("aud", TokenSettings.DEFAULT_AUDIENCE);
    claims.put("sub", subject());
    claims.put("iat", now);
    claims.put("exp", now + HOUR.toSeconds());
    claims.put("roles", roles);
    if (organizationId != null) {
      claims.put("org", organizationId);
    }
    return base64Json(header) + "." + base64Json(claims) + ".";
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

  /**
   * A genuine token for a role-less caller whose claims were then swapped for ones with the roles,
   * keeping the original signature.
   */
  public String tampered(List<String> roles, String organizationId) {
    String[] genuine = mint(List.of(), organizationId).split("\\.");
    String forged = base64(claims(roles, organizationId).build().toString());
    return genuine[0] + "." + forged + "." + genuine[2];
  }

  private JWTClaimsSet.Builder claims(List<String> roles, String organizationId) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(TokenSettings.DEFAULT_AUDIENCE)
            .subject(subject())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(HOUR)))
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
    RSAKey other = anotherKey;
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
      anotherKey = other;
    }
    return other;
  }

  private static String base64Json(Object value) {
    try {
      return base64(new ObjectMapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> names(OnixRole... roles) {
    return Arrays.stream(roles).map(Enum::name).toList();
  }

  private static String subject() {
    return UUID.randomUUID().toString();
  }
}
