package com.onix.twofactor.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints tokens signed with the local development key, as {@code ./onix token} prints them. */
public final class DevTokens {

  private final RSAKey key;
  private final String issuer;
  private final String audience;

  public DevTokens(RSAKey key, String issuer) {
    this(key, issuer, TokenSettings.DEFAULT_AUDIENCE);
  }

  public DevTokens(RSAKey key, String issuer, String audience) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
  }

  public String mint(
      String subject, List<String> roles, String organizationId, Duration ttl, Instant now) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .claim(TokenClaims.ROLES, roles);
    if (organizationId != null) {
      claims.claim(TokenClaims.ORGANIZATION, organizationId);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }
}
