package com.onix.twofactor.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onix.twofactor.prompt.pushed.PendingPrompt;
import com.onix.twofactor.prompt.result.ResultKeys;
import com.onix.twofactor.prompt.result.ResultSigner;
import com.onix.twofactor.prompt.result.SignInResult;
import com.onix.twofactor.support.testing.MovableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSignerTest {

  @TempDir Path dataDirectory;

  private final MovableClock clock = new MovableClock();
  private final PromptSettings settings =
      new PromptSettings(
          URI.create("https://prompt.onix.example/"), List.of(), null, null, null, null, null);
  private final PendingPrompt prompt =
      new PendingPrompt(
          "ann@acme.example",
          "https://prompt.onix.example/demo/return",
          "st-1",
          "n-1",
          "sign-in-page",
          "token",
          Instant.now());

  @Test
  void theResultNamesTheUserTheMethodTheNonceAndExpiresInTwoMinutes() throws Exception {
    ResultKeys keys = ResultKeys.generatedUnder(dataDirectory);
    String result =
        new ResultSigner(keys, settings, clock)
            .sign(
                prompt, new SignInResult("user-1", "ann@acme.example", "VERIFIED", List.of("tac")));

    SignedJWT jwt = SignedJWT.parse(result);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    ECKey published = (ECKey) keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new ECDSAVerifier(published))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("https://prompt.onix.example");
    assertThat(claims.getAudience()).containsExactly("sign-in-page");
    assertThat(claims.getSubject()).isEqualTo("user-1");
    assertThat(claims.getStringClaim("email")).isEqualTo("ann@acme.example");
    assertThat(claims.getStringListClaim("amr")).containsExactly("tac");
    assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void theGeneratedKeyIsKeptOwnerOnlyAndReusedByTheNextStart() throws Exception {
    ResultKeys first = ResultKeys.generatedUnder(dataDirectory);
    ResultKeys second = ResultKeys.generatedUnder(dataDirectory);

    Path file = dataDirectory.resolve("prompt-result-keys.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(second.publicKeys().toString()).isEqualTo(first.publicKeys().toString());
  }

  @Test
  void inARotationTheFirstKeySignsAndBothArePublished() throws Exception {
    ECKey next = new ECKeyGenerator(Curve.P_256).keyID("2026-12").generate();
    ECKey old = new ECKeyGenerator(Curve.P_256).keyID("2026-06").generate();
    Path file = dataDirectory.resolve("keys.json");
    Files.writeString(file, new JWKSet(List.of(next, old)).toString(false));

    ResultKeys keys = ResultKeys.fromFile(file);
    String result =
        new ResultSigner(keys, settings, clock)
            .sign(
                prompt, new SignInResult("user-1", "ann@acme.example", "VERIFIED", List.of("otp")));

    assertThat(SignedJWT.parse(result).getHeader().getKeyID()).isEqualTo("2026-12");
    assertThat(keys.publicKeys().getKeys())
        .extracting(k -> k.getKeyID())
        .containsExactly("2026-12", "2026-06");
    assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
  }
}
