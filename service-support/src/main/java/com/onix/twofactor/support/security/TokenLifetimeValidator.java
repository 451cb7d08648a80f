package com.onix.twofactor.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token lives at most {@code maxLifetime} ({@code exp - iat}), and was not issued in the future:
 * otherwise an {@code iat} far ahead would make a token good for years look short-lived.
 */
final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

  private static final OAuth2TokenValidatorResult REFUSED =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_TOKEN, "the token's lifetime is not acceptable", null));

  private final Duration maxLifetime;
  private final Duration clockSkew;
  private final Clock clock;

  TokenLifetimeValidator(Duration maxLifetime, Duration clockSkew, Clock clock) {
    this.maxLifetime = maxLifetime;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    Instant issuedAt = token.getIssuedAt();
    Instant expiresAt = token.getExpiresAt();
    if (issuedAt == null || expiresAt == null) {
      return REFUSED;
    }
    if (issuedAt.isAfter(clock.instant().plus(clockSkew))) {
      return REFUSED;
    }
    return Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0
        ? REFUSED
        : OAuth2TokenValidatorResult.success();
  }
}
