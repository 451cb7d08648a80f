package com.onix.twofactor.command.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
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
import java.util.List;

/**
 * Bearer tokens for the tests: good ones signed with the service's local key, as {@code ./onix
 * token} mints them, and every kind of bad one.
 */
public final class Tokens {

  public static final String ISSUER = LocalSigningKey.LOCAL_ISSUER;
  private static final Duration HOUR = Duration.ofHours(1);

  private final RSAKey key;
  private final DevTokens local;
  private RSAKey otherKey;

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

  public String platformOperator() {
    return mint("operator-1", null, OnixRole.PLATFORM_OPERATOR);
  }

  public String orgAdmin(String organizationId) {
    return mint("admin-of-" + organizationId, organizationId, OnixRole.ORG_ADMIN);
  }

  public String orgAdmin(String subject, String organizationId) {
    return mint(subject, organizationId, OnixRole.ORG_ADMIN);
  }

  public String expired(String subject, String organizationId, OnixRole... roles) {
    return mint(subject, organizationId, Duration.ofSeconds(-5), roles);
  }

  public String fromIssuer(
      String issuer, String subject, String organizationId, OnixRole... roles) {
    return new DevTokens(key, issuer)
        .mint(subject, names(roles), organizationId, HOUR, Instant.now());
  }

  public String withoutSubject(String organizationId, OnixRole... roles) {
    return local.mint(null, names(roles), organizationId, HOUR, Instant.now());
  }

  /** Well formed and current, but signed by a key the service does not trust. */
  public synchronized String signedByAnotherKey(
      String subject, String organizationId, OnixRole... roles) {
    if (otherKey == null) {
      try {
        otherKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
    return new DevTokens(otherKey, ISSUER)
        .mint(subject, names(roles), organizationId, HOUR, Instant.now());
  }

  /** {@code alg: none}, built by hand: header, claims, empty signature. */
  public String unsigned(String subject, String organizationId, OnixRole... roles) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        base64.encodeToString(
            claims(subject, organizationId, roles).toString().getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }

  /** HS256 keyed with the service's public key: the classic algorithm-confusion forgery. */
  public String hmacWithThePublicKey(String subject, String organizationId, OnixRole... roles) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(subject, organizationId, roles));
      jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed by the service's key, but only valid ten minutes from now ({@code nbf}). */
  public String notYetValid(String subject, String organizationId, OnixRole... roles) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(claims(subject, organizationId, roles))
            .notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
            .build();
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

  /**
   * A genuine token for a role-less caller whose claims were then swapped for ones with the roles,
   * keeping the original signature.
   */
  public String tampered(String subject, String organizationId, OnixRole... roles) {
    String genuine = mint(subject, organizationId);
    String[] parts = genuine.split("\\.");
    String forgedClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims(subject, organizationId, roles).toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + forgedClaims + "." + parts[2];
  }

  private static JWTClaimsSet claims(String subject, String organizationId, OnixRole... roles) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(TokenSettings.DEFAULT_AUDIENCE)
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(HOUR)))
            .claim("roles", names(roles));
    if (organizationId != null) {
      claims.claim("org", organizationId);
    }
    return claims.build();
  }

  private static List<String> names(OnixRole... roles) {
    return Arrays.stream(roles).map(Enum::name).toList();
  }
}
