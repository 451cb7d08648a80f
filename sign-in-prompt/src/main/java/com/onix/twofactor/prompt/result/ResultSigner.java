package com.onix.twofactor.prompt.result;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onix.twofactor.prompt.PromptSettings;
import com.onix.twofactor.prompt.pushed.PendingPrompt;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs the result the browser carries back to the sign-in page. */
public class ResultSigner {

  public static final String OUTCOME_CLAIM = "onix_2fa";
  static final JOSEObjectType TYPE = new JOSEObjectType("onix-sign-in-result+jwt");

  private final ResultKeys keys;
  private final PromptSettings settings;
  private final Clock clock;

  public ResultSigner(ResultKeys keys, PromptSettings settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  public String sign(PendingPrompt prompt, SignInResult result) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(prompt.audience())
            .subject(result.userId())
            .claim("email", result.email())
            .claim("amr", result.amr())
            .claim(OUTCOME_CLAIM, result.outcome())
            .claim("nonce", prompt.nonce())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(settings.resultLifetime())))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(keys.algorithm()).keyID(keys.keyId()).type(TYPE).build(), claims);
    try {
      jwt.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the sign-in result", e);
    }
    return jwt.serialize();
  }
}
