package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks every decoder applies after the signature: time, issuer, exp, sub. */
class TokenValidationTest {

  private static final TokenSettings LOCAL =
      new TokenSettings(null, null, null, null, null, null, null);

  private static Jwt.Builder token() {
    Instant now = Instant.now();
    return Jwt.withTokenValue("token")
        .header("alg", "RS256")
        .issuer(LocalSigningKey.LOCAL_ISSUER)
        .audience(java.util.List.of(TokenSettings.DEFAULT_AUDIENCE))
        .subject("admin-1")
        .issuedAt(now.minusSeconds(10))
        .expiresAt(now.plusSeconds(300));
  }

  private static boolean accepted(OAuth2TokenValidator<Jwt> validator, Jwt jwt) {
    return !validator.validate(jwt).hasErrors();
  }

  @Test
  void aCurrentTokenFromTheIssuerWithASubjectIsAccepted() {
    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), token().build())).isTrue();
  }

  @Test
  void anExpiredTokenIsRejected() {
    Jwt expired =
        token()
            .issuedAt(Instant.now().minusSeconds(60))
            .expiresAt(Instant.now().minusSeconds(5))
            .build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), expired)).isFalse();
  }

  @Test
  void aTokenExpiredWithinTheConfiguredClockSkewIsAccepted() {
    Jwt justExpired =
        token()
            .issuedAt(Instant.now().minusSeconds(60))
            .expiresAt(Instant.now().minusSeconds(5))
            .build();
    TokenSettings lenient =
        new TokenSettings(null, null, null, Duration.ofSeconds(30), null, null, null);

    assertThat(accepted(BearerTokenSecurity.validator(lenient), justExpired)).isTrue();
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() {
    Jwt foreign = token().issuer("https://login.example.com").build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), foreign)).isFalse();
  }

  @Test
  void theConfiguredIssuerReplacesTheLocalOne() {
    TokenSettings production =
        new TokenSettings("https://idp.onix.example", null, null, null, null, null, null);

    assertThat(accepted(BearerTokenSecurity.validator(production), token().build())).isFalse();
    assertThat(
            accepted(
                BearerTokenSecurity.validator(production),
                token().issuer("https://idp.onix.example").build()))
        .isTrue();
  }

  @Test
  void aTokenWithoutExpiryIsRejected() {
    Jwt forever =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuer(LocalSigningKey.LOCAL_ISSUER)
            .subject("admin-1")
            .issuedAt(Instant.now())
            .build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), forever)).isFalse();
  }

  @Test
  void aTokenWithoutSubjectIsRejected() {
    Jwt anonymous = token().claims(claims -> claims.remove("sub")).build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), anonymous)).isFalse();
  }

  @Test
  void aTokenWithABlankSubjectIsRejected() {
    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), token().subject("  ").build()))
        .isFalse();
  }

  @Test
  void settingsDefaultToTheLocalIssuerAndNoClockSkew() {
    assertThat(LOCAL.issuer()).isEqualTo("onix-local");
    assertThat(LOCAL.clockSkew()).isZero();
    assertThat(LOCAL.usesLocalKey()).isTrue();
    assertThat(
            new TokenSettings(null, "https://idp/jwks", null, null, null, null, null)
                .usesLocalKey())
        .isFalse();
    assertThat(
            new TokenSettings(null, null, "/etc/onix/jwks.json", null, null, null, null)
                .usesLocalKey())
        .isFalse();
  }

  @Test
  void aTokenLivingTwentyFourHoursIsAccepted() {
    Instant now = Instant.now();
    Jwt day =
        token()
            .issuedAt(now.minusSeconds(10))
            .expiresAt(now.plus(Duration.ofHours(24)).minusSeconds(10))
            .build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), day)).isTrue();
  }

  @Test
  void aTokenLivingLongerThanTheMaximumLifetimeIsRejected() {
    Instant now = Instant.now();
    Jwt longLived =
        token().issuedAt(now.minusSeconds(10)).expiresAt(now.plus(Duration.ofDays(30))).build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), longLived)).isFalse();
  }

  @Test
  void theMaximumLifetimeIsConfigurable() {
    Instant now = Instant.now();
    Jwt twoHours =
        token().issuedAt(now.minusSeconds(10)).expiresAt(now.plus(Duration.ofHours(2))).build();
    TokenSettings strict =
        new TokenSettings(null, null, null, null, Duration.ofHours(1), null, null);

    assertThat(accepted(BearerTokenSecurity.validator(strict), twoHours)).isFalse();
  }

  @Test
  void aTokenIssuedInTheFutureIsRejected() {
    Instant later = Instant.now().plus(Duration.ofDays(3650));
    Jwt fromTheFuture = token().issuedAt(later).expiresAt(later.plusSeconds(300)).build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), fromTheFuture)).isFalse();
  }

  @Test
  void aTokenWithoutIssueTimeIsRejected() {
    Jwt noIat =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuer(LocalSigningKey.LOCAL_ISSUER)
            .subject("admin-1")
            .expiresAt(Instant.now().plusSeconds(300))
            .build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), noIat)).isFalse();
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() {
    Jwt foreign = token().audience(java.util.List.of("some-other-service")).build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), foreign)).isFalse();
  }

  @Test
  void aTokenWithoutAudienceIsRejected() {
    Jwt none = token().claims(claims -> claims.remove("aud")).build();

    assertThat(accepted(BearerTokenSecurity.validator(LOCAL), none)).isFalse();
  }

  @Test
  void theAudienceIsConfigurableAndTheCheckCanBeSwitchedOff() {
    Jwt other = token().audience(java.util.List.of("payments")).build();

    assertThat(
            accepted(
                BearerTokenSecurity.validator(
                    new TokenSettings(null, null, null, null, null, "payments", null)),
                other))
        .isTrue();
    assertThat(
            accepted(
                BearerTokenSecurity.validator(
                    new TokenSettings(null, null, null, null, null, null, false)),
                other))
        .isTrue();
  }
}
