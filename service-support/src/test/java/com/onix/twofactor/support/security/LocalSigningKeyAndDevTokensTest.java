package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyAndDevTokensTest {

  @TempDir Path dataDirectory;

  @Test
  void theKeyIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
    RSAKey key = LocalSigningKey.loadOrCreate(dataDirectory);

    Path file = dataDirectory.resolve(LocalSigningKey.FILE_NAME);
    assertThat(key.isPrivate()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var leftovers = Files.list(dataDirectory)) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void laterLoadsReturnTheSameKey() {
    RSAKey first = LocalSigningKey.loadOrCreate(dataDirectory);
    RSAKey second = LocalSigningKey.loadOrCreate(dataDirectory);

    assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
    assertThat(second.getModulus()).isEqualTo(first.getModulus());
  }

  @Test
  void aMintedTokenIsSignedByTheKeyAndCarriesTheClaims() throws Exception {
    RSAKey key = LocalSigningKey.loadOrCreate(dataDirectory);
    Instant now = Instant.parse("2030-01-01T00:00:00Z");

    String token =
        new DevTokens(key, "onix-local")
            .mint("admin-1", List.of("ORG_ADMIN"), "org-1", Duration.ofMinutes(5), now);

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("onix-local");
    assertThat(claims.getSubject()).isEqualTo("admin-1");
    assertThat(claims.getStringListClaim(TokenClaims.ROLES)).containsExactly("ORG_ADMIN");
    assertThat(claims.getStringClaim(TokenClaims.ORGANIZATION)).isEqualTo("org-1");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
  }

  @Test
  void aNegativeLifetimeMintsAnAlreadyExpiredToken() throws Exception {
    RSAKey key = LocalSigningKey.loadOrCreate(dataDirectory);
    Instant now = Instant.now();

    String token =
        new DevTokens(key, "onix-local")
            .mint("admin-1", List.of("ORG_ADMIN"), null, Duration.ofSeconds(-5), now);

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getExpirationTime().toInstant()).isBefore(now);
    assertThat(claims.getClaim(TokenClaims.ORGANIZATION)).isNull();
  }
}
