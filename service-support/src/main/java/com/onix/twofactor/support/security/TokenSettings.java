package com.onix.twofactor.support.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are validated. With neither {@code jwksUri} nor {@code jwkSetFile} set, the service
 * uses the local development key under the data directory (created on first start).
 *
 * @param issuer the required {@code iss} claim
 * @param jwksUri the identity provider's JWK set address, in production
 * @param jwkSetFile a file holding the identity provider's public JWK set, instead of a URI
 * @param clockSkew tolerance for {@code exp}/{@code nbf}/{@code iat} against this machine's clock
 * @param maxLifetime the longest {@code exp - iat} a token may have
 * @param audience the {@code aud} a token must name (one of its values), when {@code
 *     audienceRequired}
 * @param audienceRequired whether {@code aud} is checked at all
 */
@ConfigurationProperties("onix.security")
public record TokenSettings(
    String issuer,
    String jwksUri,
    String jwkSetFile,
    Duration clockSkew,
    Duration maxLifetime,
    String audience,
    Boolean audienceRequired) {

  /** The audience {@code ./onix token} mints for, and the services expect unless told otherwise. */
  public static final String DEFAULT_AUDIENCE = "onix-two-factor";

  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

  public TokenSettings {
    issuer = issuer == null || issuer.isBlank() ? LocalSigningKey.LOCAL_ISSUER : issuer;
    clockSkew = clockSkew == null ? Duration.ZERO : clockSkew;
    maxLifetime = maxLifetime == null ? DEFAULT_MAX_LIFETIME : maxLifetime;
    audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience.strip();
    audienceRequired = audienceRequired == null || audienceRequired;
  }

  public boolean usesLocalKey() {
    return (jwksUri == null || jwksUri.isBlank()) && (jwkSetFile == null || jwkSetFile.isBlank());
  }
}
